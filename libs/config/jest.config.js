/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'config',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/config',
  coverageThreshold: { global: { lines: 97, statements: 97, functions: 95, branches: 91 } },
};
