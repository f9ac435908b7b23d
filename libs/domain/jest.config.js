/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/domain',
  coverageThreshold: { global: { lines: 95, statements: 95, functions: 88, branches: 96 } },
};
