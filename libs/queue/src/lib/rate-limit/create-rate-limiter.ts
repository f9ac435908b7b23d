import { InProcessRateLimitStore, PacedRateLimiter, type RateLimiter, rateLimitPolicy } from '@gtr/engine';
import { type RateLimiterOptions } from './rate-limiter-options';
import { RedisRateLimitStore } from './redis-rate-limit-store';

/** In-process stores by prefix, so that limiters built separately in one process share one schedule. */
const inProcessStores = new Map<string, InProcessRateLimitStore>();

/**
 * The shared rate limiter: its state in Redis when `redisUrl` is set (every worker process on
 * that Redis paces together), in this process otherwise (embedded mode, tests).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (!options.prefix) throw new RangeError('Rate limiter prefix must not be empty');
  const policy = rateLimitPolicy(options.policy);
  if (options.redisUrl) {
    const store = new RedisRateLimitStore(
      options.redisUrl,
      options.prefix,
      policy,
      options.onError ?? (() => undefined),
    );
    return new PacedRateLimiter(store);
  }
  let store = inProcessStores.get(options.prefix);
  if (!store) {
    store = new InProcessRateLimitStore(policy);
    inProcessStores.set(options.prefix, store);
  }
  return new PacedRateLimiter(store);
}
