/** The `x-ratelimit-*` view of one dimension (requests or tokens), per minute. */
export interface RateLimitDimension {
  limit: number;
  remaining: number;
  /** Until the one-minute view is back to its full limit. */
  resetMs: number;
}

/** Which limit a request exceeded, with what it asked and how long to wait. */
export interface RateLimitRejection {
  dimension: 'requests' | 'tokens';
  /** The window whose limit was hit: the per-second one exists only with `limitWindow: 'second'`. */
  window: 'minute' | 'second';
  limit: number;
  used: number;
  requested: number;
  /** Until this same request would be admitted (`retry-after`). */
  retryAfterMs: number;
}

/** The outcome of one {@link SlidingWindowLimiter.admit} call. */
export interface RateLimitState {
  requests: RateLimitDimension | null;
  tokens: RateLimitDimension | null;
  rejection: RateLimitRejection | null;
}
