// Shared Jest settings. Every project's jest.config.js spreads this.
// @swc/jest keeps decorator metadata (Nest DI needs it) and is ~10x faster than ts-jest;
// type checking is a separate `typecheck` target.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.exclude;
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;
swcrc.jsc.externalHelpers = false;

module.exports = {
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  testMatch: ['**/?(*.)+(spec|integration-spec).ts'],
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/**/*.integration-spec.ts', '!src/index.ts'],
};
