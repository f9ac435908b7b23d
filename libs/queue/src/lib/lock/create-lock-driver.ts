import { InProcessLockDriver } from './in-process-lock-driver';
import { type LockDriver, type LockDriverOptions } from './lock-driver';
import { RedisLockDriver } from './redis-lock-driver';

/** The Redis lock driver when `redisUrl` is set, the in-process one otherwise. */
export function createLockDriver(options: LockDriverOptions): LockDriver {
  if (!options.prefix) throw new RangeError('Lock driver prefix must not be empty');
  return options.redisUrl
    ? new RedisLockDriver(options.redisUrl, options.prefix, options.onError ?? (() => undefined))
    : new InProcessLockDriver(options.prefix);
}
