import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './error-codes';

describe('docs/errors.md', () => {
  const doc = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');

  it.each(Object.entries(ERROR_CODES))('documents %s exactly as the table defines it', (code, info) => {
    const row = `| \`${code}\` | ${info.category} | ${info.retryable ? 'yes' : 'no'} | ${info.httpStatus} | ${info.exitCode} | ${info.message} | ${info.action} |`;
    expect(doc).toContain(row);
  });
});
