/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Node alone runs these. Tests that need system programs (LibreOffice, Chromium) are named
  // *.system.test.ts and *.e2e.test.ts and run with npm run test:system (jest.system.config.js).
  testPathIgnorePatterns: ["/node_modules/", "\\.system\\.test\\.ts$", "\\.e2e\\.test\\.ts$"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Generous: the property tests and the bad-file corpus take several times longer on a busy machine.
  testTimeout: 180000,
  setupFiles: ["<rootDir>/test/setup/dom.ts", "<rootDir>/test/setup/fast-check.ts"],
};
