/**
 * Per-minute limits of one rate-limit key, as configuration states them. An absent or null field
 * is unknown: the limiter then uses what it learned from the provider's headers, if anything.
 */
export interface RateLimits {
  /** Requests per minute. */
  requestsPerMinute?: number | null;
  /** Tokens per minute, prompt and completion together. */
  tokensPerMinute?: number | null;
}

/** Throws a RangeError unless every set limit is a positive finite number. */
export function assertValidRateLimits(limits: RateLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`Rate limit ${name} must be a positive number, got ${String(value)}`);
    }
  }
}
