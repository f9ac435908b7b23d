/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'server',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/server',
  coverageThreshold: { global: { lines: 97, statements: 95, functions: 93, branches: 89 } },
};
