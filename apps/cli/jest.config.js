/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'cli',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/cli',
  coverageThreshold: { global: { lines: 97, statements: 97, functions: 96, branches: 93 } },
};
