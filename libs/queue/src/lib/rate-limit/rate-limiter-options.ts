import { type RateLimitPolicy } from '@gtr/engine';

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Redis URL. Set: one schedule shared by every process on that Redis; unset: in-process. */
  redisUrl?: string;
  /** Namespace of the limiter's keys (`<prefix>:ratelimit:{<key>}:…`). */
  prefix: string;
  /**
   * Overrides of `DEFAULT_RATE_LIMIT_POLICY`. Use one policy for every process of a prefix;
   * in-process, the first limiter created for a prefix sets it.
   */
  policy?: Partial<RateLimitPolicy>;
  /** Receives Redis connection errors. */
  onError?: (error: Error) => void;
}
