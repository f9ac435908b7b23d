/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/api',
  coverageThreshold: { global: { lines: 87, statements: 84, functions: 93, branches: 48 } },
};
