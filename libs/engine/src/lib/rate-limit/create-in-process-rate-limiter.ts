import { InProcessRateLimitStore } from './in-process-rate-limit-store';
import { type LimiterClock, systemClock } from './limiter-clock';
import { PacedRateLimiter } from './paced-rate-limiter';
import { rateLimitPolicy, type RateLimitPolicy } from './rate-limit-policy';
import { type RateLimiter } from './rate-limiter';

/** Options of {@link createInProcessRateLimiter}. */
export interface InProcessRateLimiterOptions {
  /** Overrides of {@link DEFAULT_RATE_LIMIT_POLICY}. */
  policy?: Partial<RateLimitPolicy>;
  /** Defaults to wall time; tests pass a manual clock. */
  clock?: LimiterClock;
}

/** A {@link RateLimiter} whose state lives in this process only (embedded mode, tests). */
export function createInProcessRateLimiter(options: InProcessRateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  return new PacedRateLimiter(new InProcessRateLimitStore(rateLimitPolicy(options.policy), clock), clock);
}
