/** Tests run as native ES modules (the @actions packages ship ESM only). */
export default {
  // Node's environment, sharing typed-array constructors with native code (onnxruntime-node).
  testEnvironment: "<rootDir>/test/helpers/node-realm-environment.mjs",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  coverageProvider: "v8",
  collectCoverageFrom: [
    "src/**/*.ts",
    "!src/**/*.generated.ts",
    // Entry points: two lines each, exercised as child processes (test/action, test/cli).
    "!src/action/index.ts",
    "!src/cli/index.ts",
    // Type-only modules: nothing in them runs.
    "!src/pipeline/artifacts.ts",
    "!src/publish/destination.ts",
    "!src/pull/pull-types.ts",
  ],
  coverageReporters: ["text-summary", "json-summary", "lcov"],
  coverageThreshold: { global: { lines: 90 } },
  testTimeout: 60000,
};
