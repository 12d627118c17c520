/** Tests run as native ES modules (the @actions packages ship ESM only). */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  coverageProvider: "v8",
  collectCoverageFrom: ["src/**/*.ts", "!src/**/*.generated.ts", "!src/action/index.ts"],
  coverageReporters: ["text-summary", "json-summary", "lcov"],
  coverageThreshold: { global: { lines: 90 } },
  testTimeout: 60000,
};
