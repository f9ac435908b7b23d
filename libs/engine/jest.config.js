/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'engine',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/engine',
  coverageThreshold: { global: { lines: 98, statements: 98, functions: 97, branches: 94 } },
};
