/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'data',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/data',
};
