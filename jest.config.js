/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // The browser tests need the built add-in and Chromium: npm run test:e2e.
  testPathIgnorePatterns: ["/node_modules/", "\\.e2e\\.test\\.ts$"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Generous: the property tests and the bad-file corpus take several times longer on a busy machine.
  testTimeout: 180000,
  setupFiles: ["<rootDir>/test/setup/dom.ts", "<rootDir>/test/setup/fast-check.ts"],
};
