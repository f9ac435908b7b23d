/** How often and how patiently a run retries a failed provider call. */
export interface RetryPolicy {
  /** Calls in total, the first one included (1 = never retry). */
  maxAttempts: number;
  /** Backoff cap of the first retry; it doubles for each later one. */
  baseDelayMs: number;
  /** Upper bound of the backoff cap. A provider's `retry-after` may still ask for longer. */
  maxDelayMs: number;
}

/** 3 calls, backoff cap 1 s → 2 s …, at most 30 s. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
};

/** What a retry decision needs to know about an error (a `ProviderError` or any `GtrError`). */
export interface RetryableError {
  readonly retryable: boolean;
  readonly retryAfterMs?: number | null;
}

/**
 * The wait before the call after attempt number `attemptNumber` (1-based) failed with `error`,
 * in whole milliseconds, or null when the error is not retryable or no attempt is left.
 *
 * Exponential backoff with full jitter — a uniform draw from `[0, min(maxDelayMs, baseDelayMs ·
 * 2^(attemptNumber-1)))` — so that many runs hit by the same rate limit spread out, but never
 * less than what the provider asked for in `retryAfterMs` (which is not capped by `maxDelayMs`:
 * calling earlier would only fail again).
 */
export function nextRetryDelay(
  policy: RetryPolicy,
  attemptNumber: number,
  error: RetryableError,
  random: () => number = Math.random,
): number | null {
  if (!error.retryable || attemptNumber >= policy.maxAttempts) return null;
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attemptNumber - 1));
  const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * cap);
  return Math.max(jittered, Math.ceil(error.retryAfterMs ?? 0));
}
