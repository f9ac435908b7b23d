/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'queue',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/queue',
  coverageThreshold: { global: { lines: 98, statements: 96, functions: 94, branches: 94 } },
};
