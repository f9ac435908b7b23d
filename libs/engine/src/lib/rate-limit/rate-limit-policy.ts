/** How a rate limiter paces and learns; the same for every key. */
export interface RateLimitPolicy {
  /** Share of each per-minute limit left unused, 0 ≤ headroom < 1. */
  headroom: number;
  /**
   * The shortest window the provider may enforce a share of its per-minute limit over (OpenAI
   * "quantizes" limits per second); calls are spaced so that no such window gets more than its
   * share. 0 when the provider counts per minute only.
   */
  quantumMs: number;
  /**
   * How much earlier, relative to each other, two calls may reach the provider than they left
   * the limiter (network, event loops) without breaking a quantum window. Costs
   * `jitterMs / quantumMs` of the throughput.
   */
  jitterMs: number;
  /** How long limits learned from headers are kept after the last response that reported them. */
  learnedTtlMs: number;
  /**
   * While nothing is known about a key's limits, one call at a time goes out to learn them from
   * its response headers; after this long without an answer, the next call may go.
   */
  probeLeaseMs: number;
  /** How often calls waiting for a probe's answer ask again. */
  probePollMs: number;
  /** Upper bound of one pause (a provider's `retry-after`). */
  maxPauseMs: number;
}

/**
 * 1 % headroom, per-second quanta with 30 ms of jitter allowed, learned limits kept 10 minutes,
 * 5 s probe lease polled every 50 ms, pauses up to 2 minutes.
 */
export const DEFAULT_RATE_LIMIT_POLICY: Readonly<RateLimitPolicy> = {
  headroom: 0.01,
  quantumMs: 1_000,
  jitterMs: 30,
  learnedTtlMs: 600_000,
  probeLeaseMs: 5_000,
  probePollMs: 50,
  maxPauseMs: 120_000,
};

/** `overrides` over the defaults; throws a RangeError for a value out of range. */
export function rateLimitPolicy(overrides: Partial<RateLimitPolicy> = {}): RateLimitPolicy {
  const policy = { ...DEFAULT_RATE_LIMIT_POLICY, ...overrides };
  if (!(policy.headroom >= 0 && policy.headroom < 1)) {
    throw new RangeError(`Rate limit headroom must be in [0, 1), got ${policy.headroom}`);
  }
  for (const name of ['quantumMs', 'jitterMs'] as const) {
    const value = policy[name];
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`Rate limit ${name} must be an integer >= 0, got ${value}`);
    }
  }
  for (const name of ['learnedTtlMs', 'probeLeaseMs', 'probePollMs', 'maxPauseMs'] as const) {
    const value = policy[name];
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`Rate limit ${name} must be a positive integer, got ${value}`);
    }
  }
  return policy;
}
