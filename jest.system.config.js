/**
 * npm run test:system: the tests that need programs of the system, not only Node.
 *   *.system.test.ts  LibreOffice (soffice) recalculates the templates' formulas; the built
 *                     add-in's page (npm run test:system builds it first)
 *   *.e2e.test.ts     the built task pane in headless Chromium
 * test/setup/system-programs.ts fails the run at once, naming each missing program and its Debian
 * package: these tests are never skipped. `npm test` (jest.config.js) runs everything else.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.system.test.ts", "**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: "<rootDir>/test/setup/system-programs.ts",
};
