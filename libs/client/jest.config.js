/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'client',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/client',
  coverageThreshold: { global: { lines: 98, statements: 97, functions: 96, branches: 93 } },
};
