#!/usr/bin/env node
// Rewrites docs/errors.md from the error taxonomy (libs/domain/src/lib/error-codes.ts).
// A domain spec fails when the page and the table disagree; run this after changing a code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = mkdtempSync(join(tmpdir(), 'gtr-errors-'));
execFileSync(
  'npx',
  ['swc', 'libs/domain/src/lib/error-codes.ts', '-d', out, '--config-file', '.swcrc', '--quiet'],
  { cwd: root },
);
const { ERROR_CODES } = createRequire(import.meta.url)(join(out, 'libs/domain/src/lib/error-codes.js'));

let page = `# Error codes

Every error gtr reports carries one code from this table (\`libs/domain/src/lib/error-codes.ts\`,
the source of truth; \`node tools/scripts/write-error-docs.mjs\` rewrites this page and a spec checks
that they match). The HTTP status is what the API answers, the exit code what the \`gtr\` CLI exits
with, and *retried* whether the engine retries a run that failed with it.

| code | category | retried | HTTP | exit | meaning | what to do |
| --- | --- | --- | --- | --- | --- | --- |
`;
for (const [code, i] of Object.entries(ERROR_CODES)) {
  page += `| \`${code}\` | ${i.category} | ${i.retryable ? 'yes' : 'no'} | ${i.httpStatus} | ${i.exitCode} | ${i.message} | ${i.action} |\n`;
}
page += `
Classification of provider errors reads the HTTP status, the provider's error \`type\`/\`code\`, network
errno codes and the exception class, never the words of a message: a 429 with code
\`insufficient_quota\` is \`E_QUOTA\` (not retried), any other 429 is \`E_RATE_LIMIT\` (retried, honouring
\`retry-after\`).
`;
writeFileSync(join(root, 'docs/errors.md'), page);
