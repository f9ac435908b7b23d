import { GtrError } from '@gtr/domain';
import { ProviderError } from '../errors/provider-error';
import { DEFAULT_RETRY_POLICY, nextRetryDelay, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 5000 };
const serverError = new ProviderError('E_SERVER_ERROR');

describe('retry backoff is exponential with full jitter', () => {
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [4, 4000],
    [5, 5000],
  ])('attempt %i draws from [0, %i)', (attempt, cap) => {
    expect(nextRetryDelay(policy, attempt, serverError, () => 0)).toBe(0);
    expect(nextRetryDelay(policy, attempt, serverError, () => 0.5)).toBe(cap / 2);
    expect(nextRetryDelay(policy, attempt, serverError, () => 0.999_999)).toBe(cap - 1);
  });

  it('stays within the bounds with the real random source', () => {
    for (let i = 0; i < 200; i++) {
      const delay = nextRetryDelay(policy, 3, serverError)!;
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(2000);
    }
  });

  it('clamps an out-of-range random source', () => {
    expect(nextRetryDelay(policy, 1, serverError, () => -3)).toBe(0);
    expect(nextRetryDelay(policy, 1, serverError, () => 7)).toBe(500);
  });

  it.each([
    [5, 500],
    [6, null],
    [7, null],
  ])('after attempt %i of 6 the next delay is %p', (attempt, expected) => {
    expect(nextRetryDelay(policy, attempt, serverError, () => 0.1)).toBe(
      expected === null ? null : Math.min(500 * 2 ** (attempt - 1), 5000) * 0.1,
    );
  });

  it.each(['E_RATE_LIMIT', 'E_TIMEOUT', 'E_SERVER_ERROR', 'E_NETWORK', 'E_OUTPUT_INVALID'] as const)(
    'retries %s',
    (code) => {
      expect(nextRetryDelay(policy, 1, new ProviderError(code), () => 0.5)).toBe(250);
    },
  );

  it('retries a retryable plain GtrError (no retry-after)', () => {
    expect(nextRetryDelay(policy, 2, new GtrError('E_SYSTEM_DATABASE'), () => 0.5)).toBe(500);
  });

  it('never retries with maxAttempts 1', () => {
    expect(nextRetryDelay({ ...policy, maxAttempts: 1 }, 1, serverError)).toBeNull();
  });

  it('has a sane default policy', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000 });
    expect(nextRetryDelay(DEFAULT_RETRY_POLICY, 2, serverError, () => 0.5)).toBe(1000);
    expect(nextRetryDelay(DEFAULT_RETRY_POLICY, 3, serverError, () => 0.5)).toBeNull();
  });
});
