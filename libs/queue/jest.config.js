/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'queue',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/queue',
};
