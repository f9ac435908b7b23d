import {
  injectedRateLimitError,
  rateLimitError,
  rateLimitHeaders,
  retryAfterHeaders,
} from './rate-limit-headers';

describe('rate limit headers', () => {
  it('writes the x-ratelimit-* headers of configured dimensions only', () => {
    expect(
      rateLimitHeaders({
        requests: { limit: 10, remaining: 9, resetMs: 6000 },
        tokens: null,
        rejection: null,
      }),
    ).toEqual({
      'x-ratelimit-limit-requests': '10',
      'x-ratelimit-remaining-requests': '9',
      'x-ratelimit-reset-requests': '6s',
    });
    expect(
      rateLimitHeaders({
        requests: null,
        tokens: { limit: 5, remaining: 0, resetMs: 360_000 },
        rejection: null,
      }),
    ).toEqual({
      'x-ratelimit-limit-tokens': '5',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    });
  });

  it('rounds retry-after up to whole seconds and keeps the milliseconds', () => {
    expect(retryAfterHeaders(1200.2)).toEqual({ 'retry-after': '2', 'retry-after-ms': '1201' });
    expect(retryAfterHeaders(0)).toEqual({ 'retry-after': '0', 'retry-after-ms': '0' });
  });

  it('words a token rejection per second like OpenAI', () => {
    const error = rateLimitError(
      { dimension: 'tokens', window: 'second', limit: 16, used: 10, requested: 8, retryAfterMs: 20 },
      'gpt-4o',
      { 'x-ratelimit-limit-tokens': '1000' },
    );
    expect(error.status).toBe(429);
    expect(error.body.error).toEqual({
      message: expect.stringContaining(
        'on tokens per sec (TPM): Limit 16, Used 10, Requested 8. Please try again in 20ms.',
      ),
      type: 'tokens',
      param: null,
      code: 'rate_limit_exceeded',
    });
    expect(error.headers).toMatchObject({
      'x-ratelimit-limit-tokens': '1000',
      'retry-after': '1',
      'retry-after-ms': '20',
    });
  });

  it('gives an injected 429 the configured wait', () => {
    const error = injectedRateLimitError('m', 2500, {});
    expect(error.body.error.type).toBe('requests');
    expect(error.headers).toEqual({ 'retry-after': '3', 'retry-after-ms': '2500' });
  });
});
