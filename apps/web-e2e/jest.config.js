/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 120_000,
  // Each suite boots Next and Chromium; two at once would starve a 2-core machine.
  maxWorkers: 1,
  collectCoverage: false,
};
