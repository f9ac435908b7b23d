/** @type {import('jest').Config} */
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'mock-llm',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/mock-llm',
  coverageThreshold: { global: { lines: 98, statements: 98, functions: 98, branches: 96 } },
  // main.ts only wires process signals around runCli, which the specs cover.
  collectCoverageFrom: [...preset.collectCoverageFrom, '!src/main.ts'],
};
