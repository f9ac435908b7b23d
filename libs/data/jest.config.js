/** @type {import('jest').Config} */
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'data',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/data',
  coverageThreshold: { global: { lines: 96, statements: 94, functions: 96, branches: 78 } },
  // PGlite's CommonJS build loads Node built-ins with dynamic import(), which Jest's module
  // sandbox refuses without --experimental-vm-modules; compile those calls to require().
  transform: {
    ...preset.transform,
    '@electric-sql/pglite/dist/.+\\.cjs$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
        module: { type: 'commonjs', ignoreDynamic: false },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  // Its dynamic import() compiles to interop helpers that coverage counts as unmapped lines;
  // the embedded Postgres spec runs it.
  collectCoverageFrom: [...preset.collectCoverageFrom, '!src/lib/data-source/load-pglite.ts'],
};
