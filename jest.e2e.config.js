/** The browser end-to-end tests (npm run test:e2e): they need the built add-in and Chromium. */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 120000,
};
