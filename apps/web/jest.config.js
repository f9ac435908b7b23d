/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/web',
  coverageThreshold: { global: { lines: 99, statements: 99, functions: 99, branches: 97 } },
  // Pages and route handlers are covered by apps/web-e2e; unit specs cover the pure helpers.
  collectCoverageFrom: ['src/lib/**/*.ts', '!src/lib/**/*.spec.ts'],
};
