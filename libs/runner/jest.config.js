/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'runner',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/runner',
};
