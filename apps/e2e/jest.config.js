/** End-to-end suites: built apps as separate processes, real Postgres, Redis and mock-llm. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 120_000,
  collectCoverage: false,
};
