#!/usr/bin/env node
// The `gtr` command. Runs the compiled CLI; compiles it first (swc, ~1 s) when it is missing.
// After changing the sources, rebuild with `npx nx run cli:build`.
'use strict';

const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '../../..');
const entry = path.join(root, 'dist/cli/apps/cli/src/main.js');

if (!existsSync(entry)) {
  const result = spawnSync('npx', ['swc', 'apps/cli/src', 'libs', '-d', 'dist/cli', '--config-file', '.swcrc'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !existsSync(entry)) {
    process.stderr.write(`${result.stdout || ''}${result.stderr || ''}${result.error ? `${result.error.message}\n` : ''}`);
    process.stderr.write('error E_INTERNAL: could not compile the gtr CLI (see above).\n');
    // 71 = E_INTERNAL in the error taxonomy (libs/domain).
    process.exit(71);
  }
}

require(entry);
