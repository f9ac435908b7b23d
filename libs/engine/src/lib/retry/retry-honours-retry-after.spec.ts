import { GtrError } from '@gtr/domain';
import OpenAI from 'openai';
import { classifyError } from '../errors/classify-error';
import { ProviderError } from '../errors/provider-error';
import { nextRetryDelay, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };
const rateLimited = (retryAfterMs: number | null) =>
  new ProviderError('E_RATE_LIMIT', undefined, { retryAfterMs });

describe('retry delays honour retry-after', () => {
  it.each([
    [1, 0.99, 5000, 5000],
    [1, 0, 5000, 5000],
    [1, 0.99, 10, 990],
    [3, 0.5, 1500, 2000],
    [4, 0, 60_000, 60_000],
    [1, 0, 12.3, 13],
  ])('attempt %i, random %d, retry-after %i ms → waits %i ms', (attempt, r, retryAfterMs, expected) => {
    expect(nextRetryDelay(policy, attempt, rateLimited(retryAfterMs), () => r)).toBe(expected);
  });

  it('never waits less than retry-after, whatever the jitter draws', () => {
    for (let i = 0; i <= 100; i++) {
      expect(nextRetryDelay(policy, 1 + (i % 4), rateLimited(2500), () => i / 100)).toBeGreaterThanOrEqual(
        2500,
      );
    }
  });

  it('goes past maxDelayMs when the provider asks for longer', () => {
    expect(nextRetryDelay(policy, 1, rateLimited(20_000), () => 0.5)).toBe(20_000);
  });

  it('honours a retry-after HTTP date from a real 429 within tolerance', () => {
    const in30s = new Date(Date.now() + 30_000).toUTCString();
    const error = classifyError(
      new OpenAI.RateLimitError(
        429,
        { message: 'slow down' },
        undefined,
        new Headers({ 'retry-after': in30s }),
      ),
    );
    const delay = nextRetryDelay(policy, 1, error, () => 0)!;
    expect(delay).toBeGreaterThanOrEqual(29_000);
    expect(delay).toBeLessThanOrEqual(30_000);
  });

  it.each<[string, ProviderError | GtrError]>([
    ['E_QUOTA', new ProviderError('E_QUOTA', undefined, { retryAfterMs: 1000 })],
    ['E_AUTH', new ProviderError('E_AUTH')],
    ['E_CONTEXT_LENGTH', new ProviderError('E_CONTEXT_LENGTH')],
    ['E_CANCELLED', new ProviderError('E_CANCELLED')],
    ['E_INPUT as a plain GtrError', new GtrError('E_INPUT')],
  ])('does not retry %s, even with a retry-after', (_code, error) => {
    expect(nextRetryDelay(policy, 1, error, () => 0.5)).toBeNull();
  });
});
