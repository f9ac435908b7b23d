/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'telemetry',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/telemetry',
  coverageThreshold: { global: { lines: 96, statements: 96, functions: 93, branches: 65 } },
};
