import {
  type RateLimitCost,
  type RateLimitKeyState,
  type RateLimitPolicy,
  type RateLimitSnapshot,
  type RateLimitStore,
  type RateLimits,
  type Reservation,
} from '@gtr/engine';
import { type Redis } from 'ioredis';
import { LuaScript } from '../redis/lua-script';
import { closeRedisClient, createRedisClient, whenReady } from '../redis/redis-client';
import { RATE_LIMIT_LUA } from './rate-limit-lua';

const SCRIPTS = {
  reserve: new LuaScript(RATE_LIMIT_LUA.RESERVE),
  refund: new LuaScript(RATE_LIMIT_LUA.REFUND),
  adjust: new LuaScript(RATE_LIMIT_LUA.ADJUST),
  learn: new LuaScript(RATE_LIMIT_LUA.LEARN),
  pause: new LuaScript(RATE_LIMIT_LUA.PAUSE),
  state: new LuaScript(RATE_LIMIT_LUA.STATE),
};

/**
 * The Redis {@link RateLimitStore}: every operation is one Lua script (see `rate-limit-lua.ts`),
 * so all workers on one Redis share each key's schedule, pause and learned limits, and waits
 * are computed on the Redis clock.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: Redis;
  private closing?: Promise<void>;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly policy: RateLimitPolicy,
    onError: (error: Error) => void,
  ) {
    this.client = createRedisClient(redisUrl, 'command', onError);
  }

  async reserve(key: string, cost: RateLimitCost, limits: RateLimits): Promise<Reservation> {
    const [kind, ms] = (await this.run(
      SCRIPTS.reserve,
      [this.schedule(key), this.learned(key), this.probe(key)],
      [
        cost.requests,
        cost.tokens,
        limits.requestsPerMinute ?? '',
        limits.tokensPerMinute ?? '',
        this.policy.headroom,
        this.policy.probeLeaseMs,
        this.policy.probePollMs,
        this.policy.quantumMs,
        this.policy.jitterMs,
      ],
    )) as [string, string];
    return kind === 'probing' ? { kind, retryInMs: Number(ms) } : { kind: 'reserved', waitMs: Number(ms) };
  }

  async refund(key: string, cost: RateLimitCost): Promise<void> {
    await this.run(SCRIPTS.refund, [this.schedule(key)], [cost.requests, cost.tokens]);
  }

  async adjust(key: string, tokensDelta: number): Promise<void> {
    if (tokensDelta === 0) return;
    await this.run(SCRIPTS.adjust, [this.schedule(key)], [tokensDelta]);
  }

  async learn(key: string, snapshot: RateLimitSnapshot | null): Promise<void> {
    await this.run(
      SCRIPTS.learn,
      [this.schedule(key), this.learned(key), this.probe(key)],
      [
        snapshot?.limitRequests ?? '',
        snapshot?.limitTokens ?? '',
        snapshot === null ? '1' : '0',
        this.policy.learnedTtlMs,
        this.policy.headroom,
        this.policy.quantumMs,
        this.policy.jitterMs,
      ],
    );
  }

  async pause(key: string, ms: number): Promise<void> {
    await this.run(SCRIPTS.pause, [this.schedule(key), this.probe(key)], [ms, this.policy.maxPauseMs]);
  }

  async pausedForMs(key: string): Promise<number> {
    return (await this.state(key)).pausedForMs;
  }

  async state(key: string): Promise<RateLimitKeyState> {
    const [pausedFor, rpm, tpm, unreported] = (await this.run(
      SCRIPTS.state,
      [this.schedule(key), this.learned(key)],
      [],
    )) as [string, string, string, string];
    const learned =
      rpm || tpm
        ? { requestsPerMinute: rpm ? Number(rpm) : null, tokensPerMinute: tpm ? Number(tpm) : null }
        : null;
    return { learned, unreported: unreported === '1', pausedForMs: Number(pausedFor) };
  }

  close(): Promise<void> {
    this.closing ??= closeRedisClient(this.client);
    return this.closing;
  }

  private async run(script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
    await whenReady(this.client);
    return script.run(this.client, keys, args);
  }

  private schedule(key: string): string {
    return `${this.prefix}:ratelimit:{${key}}:schedule`;
  }

  private learned(key: string): string {
    return `${this.prefix}:ratelimit:{${key}}:learned`;
  }

  private probe(key: string): string {
    return `${this.prefix}:ratelimit:{${key}}:probe`;
  }
}
