/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'testing',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/testing',
  coverageThreshold: { global: { lines: 99, statements: 96, functions: 99, branches: 70 } },
};
