/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'task-files',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/task-files',
};
