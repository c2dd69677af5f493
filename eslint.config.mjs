import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: ["dist/", "node_modules/", "coverage/", "test-results/", ".stryker-tmp/", "reports/", "out/"],
  },
  js.configs.recommended,
  // Type-aware: the TypeScript files are linted with their types (projectService reads tsconfig.json).
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // An async function without await is how a promise-returning interface is kept (a throw
      // becomes a rejection, as callers expect): the ports, adapters and their fakes do it on purpose.
      "@typescript-eslint/require-await": "off",
    },
  },
  // Tests read what they check as it comes: the CLI's --json output and saved files through
  // JSON.parse, ExcelJS and Office.js values typed any, stringified to compare; and they look at
  // methods (expect(adapter.writeNotes).toBeUndefined()). The other type-aware rules apply to them.
  {
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
      // ExcelJS cell values and notes are stringified to compare them with the text expected.
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  // Plain JavaScript (webpack, jest configs) is CommonJS for Node; eslint.config.mjs is a module.
  {
    files: ["**/*.js", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    files: ["src/taskpane/**/*.ts", "**/*.tsx"],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["src/office/**/*.ts", "src/office/**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "warn",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "The engine never touches Office.js." },
        { name: "Office", message: "The engine never touches Office.js." },
      ],
      "no-restricted-imports": ["error", { patterns: ["**/office/**", "exceljs", "fs", "node:*"] }],
    },
  },
  prettier,
);
