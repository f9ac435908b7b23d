import { GtrError, toErrorBody } from './gtr-error';

describe('GtrError', () => {
  it('takes its message from the taxonomy unless given one', () => {
    expect(new GtrError('E_NOT_FOUND').message).toBe('Not found.');
    expect(new GtrError('E_NOT_FOUND', 'Run 42 not found.').message).toBe('Run 42 not found.');
  });

  it('is an Error with its code, name and the retry flag of its code', () => {
    const error = new GtrError('E_RATE_LIMIT');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GtrError');
    expect(error.retryable).toBe(true);
    expect(new GtrError('E_AUTH').retryable).toBe(false);
  });

  it('maps to an API error body with the action, and issues only when there are some', () => {
    expect(toErrorBody(new GtrError('E_INPUT'))).toEqual({
      error: {
        code: 'E_INPUT',
        message: 'The request is invalid.',
        action: 'Fix the field named in the error and send it again.',
      },
    });
    const issues = [{ field: 'temperature', message: 'Too big' }];
    expect(toErrorBody(new GtrError('E_VALIDATION', 'bad', issues)).error.issues).toEqual(issues);
  });
});
