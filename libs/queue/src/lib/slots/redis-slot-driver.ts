import { type Redis } from 'ioredis';
import { LuaScript } from '../redis/lua-script';
import { closeRedisClient, createRedisClient, whenReady } from '../redis/redis-client';
import { assertValidSlotArgs, type HeldSlot, type SlotDriver } from './slot-driver';

/*
 * A sorted set per key: member = holder, score = lease expiry (Redis time, ms), so every
 * process compares against one clock. Expired leases are dropped before counting.
 * KEYS[1] slot set; ARGV[1] holder, ARGV[2] limit, ARGV[3] lease ms. Returns 1 when held.
 */
const ACQUIRE = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0`);

/*
 * Extends the leases of members still present and unexpired (XX: never adds one back).
 * KEYS slot sets; ARGV[1] lease ms, ARGV[i + 1] the holder in KEYS[i].
 */
const RENEW = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i, key in ipairs(KEYS) do
  local expiry = redis.call('ZSCORE', key, ARGV[i + 1])
  if expiry and tonumber(expiry) > now then
    redis.call('ZADD', key, 'XX', now + tonumber(ARGV[1]), ARGV[i + 1])
    redis.call('PEXPIRE', key, ARGV[1])
  end
end
return 0`);

/** The Redis {@link SlotDriver}: one sorted set of leases per key, changed by Lua scripts. */
export class RedisSlotDriver implements SlotDriver {
  private readonly client: Redis;
  private closing?: Promise<void>;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    onError: (error: Error) => void,
  ) {
    this.client = createRedisClient(redisUrl, 'command', onError);
  }

  async tryAcquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    this.assertOpen();
    assertValidSlotArgs(limit, leaseMs);
    await whenReady(this.client);
    return (await ACQUIRE.run(this.client, [this.nameOf(key)], [holder, limit, leaseMs])) === 1;
  }

  async release(key: string, holder: string): Promise<void> {
    this.assertOpen();
    await whenReady(this.client);
    await this.client.zrem(this.nameOf(key), holder);
  }

  async renew(held: readonly HeldSlot[], leaseMs: number): Promise<void> {
    this.assertOpen();
    if (held.length === 0) return;
    await whenReady(this.client);
    await RENEW.run(
      this.client,
      held.map((slot) => this.nameOf(slot.key)),
      [leaseMs, ...held.map((slot) => slot.holder)],
    );
  }

  close(): Promise<void> {
    this.closing ??= closeRedisClient(this.client);
    return this.closing;
  }

  private nameOf(key: string): string {
    return `${this.prefix}:slots:${key}`;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The slot driver is closed');
  }
}
