import { GtrApiError, GtrNetworkError } from '@gtr/client';
import { GtrError } from '@gtr/domain';
import { formatError, toPrintableError } from './format-error';

describe('formatError', () => {
  it('prints the code, message, each field issue and the API action', () => {
    const error = new GtrApiError(
      400,
      'E_VALIDATION',
      'Invalid request: temperature Too big: expected number to be <=2',
      [
        { field: 'temperature', message: 'Too big: expected number to be <=2' },
        { field: 'prompt', message: 'must not be empty', row: 3 },
      ],
      'Fix the fields named in the error.',
    );
    expect(formatError(toPrintableError(error))).toBe(
      [
        'error E_VALIDATION: Invalid request: temperature Too big: expected number to be <=2',
        '  - temperature: Too big: expected number to be <=2',
        '  - prompt (row 3): must not be empty',
        'hint: Fix the fields named in the error.',
        '',
      ].join('\n'),
    );
  });

  it('falls back to the taxonomy action', () => {
    expect(formatError(toPrintableError(new GtrError('E_CONFLICT', 'Run already finished')))).toBe(
      'error E_CONFLICT: Run already finished\nhint: Reload it and try again.\n',
    );
  });

  it('does not repeat an action the message already gives', () => {
    const text = formatError(
      toPrintableError(new GtrNetworkError('http://127.0.0.1:3000', 'connect ECONNREFUSED')),
    );
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text).toContain('npm start');
  });

  it('appends extra hints', () => {
    expect(
      formatError(
        { code: 'E_AUTH', message: 'Invalid API key' },
        [],
        ['The key in use came from GTR_API_KEY.'],
      ),
    ).toContain('hint: The key in use came from GTR_API_KEY.\n');
  });

  it('replaces every secret, in the message, the issues and the hints', () => {
    const key = 'gtr_top_secret';
    const text = formatError(
      {
        code: 'E_AUTH',
        message: `bad key ${key}`,
        issues: [{ field: 'authorization', message: `Bearer ${key}` }],
        action: `not ${key}`,
      },
      [key, ''],
    );
    expect(text).not.toContain(key);
    expect(text).toContain('bad key ***');
  });
});

describe('toPrintableError', () => {
  it('treats anything that is not a GtrError as an internal error', () => {
    expect(toPrintableError(new TypeError('x is undefined'))).toEqual({
      code: 'E_INTERNAL',
      message: 'x is undefined',
    });
    expect(toPrintableError('boom')).toEqual({ code: 'E_INTERNAL', message: 'boom' });
    expect(toPrintableError(null)).toEqual({ code: 'E_INTERNAL', message: 'null' });
  });
});
