/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'worker',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/worker',
  coverageThreshold: { global: { lines: 79, statements: 76, functions: 74, branches: 50 } },
};
