/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/api',
  coverageThreshold: { global: { lines: 86, statements: 83, functions: 92, branches: 48 } },
};
