/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'server',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/server',
  coverageThreshold: { global: { lines: 95, statements: 94, functions: 91, branches: 89 } },
};
