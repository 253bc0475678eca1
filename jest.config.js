/** Jest runs TypeScript through SWC without type-checking; `tsc --noEmit` checks types. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/examples"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  testTimeout: 30000,
  // Jest's default leaves one core free, which on a 2-core machine runs the suite on one core.
  maxWorkers: "100%",
};
