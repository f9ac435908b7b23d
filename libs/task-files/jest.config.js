/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'task-files',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/task-files',
  coverageThreshold: { global: { lines: 98, statements: 98, functions: 98, branches: 96 } },
};
