import { randomUUID } from 'node:crypto';
import { type Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, whenReady } from '../redis/redis-client';
import { toError } from '../shared/to-error';
import { assertValidTtl, type LockDriver, type LockResult } from './lock-driver';

/*
 * Deletes the lock only if this holder still owns it.
 * KEYS[1] lock key
 * ARGV[1] holder token
 * Returns 1 when deleted, 0 when the lock expired or belongs to another holder.
 */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** The Redis {@link LockDriver}: `SET key token NX PX ttl`, released by a compare-and-delete. */
export class RedisLockDriver implements LockDriver {
  private readonly client: Redis;
  private closing?: Promise<void>;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.client = createRedisClient(redisUrl, 'command', onError);
  }

  async withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>): Promise<LockResult<T>> {
    if (this.closing) throw new Error('The lock driver is closed');
    assertValidTtl(ttlMs);
    const name = `${this.prefix}:lock:${key}`;
    const token = randomUUID();
    await whenReady(this.client);
    if ((await this.client.set(name, token, 'PX', ttlMs, 'NX')) === null) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await this.client
        .eval(RELEASE_SCRIPT, 1, name, token)
        .catch((error: unknown) => this.onError(toError(error)));
    }
  }

  close(): Promise<void> {
    this.closing ??= closeRedisClient(this.client);
    return this.closing;
  }
}
