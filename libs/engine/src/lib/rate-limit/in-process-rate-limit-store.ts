import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';
import { callIntervalMs, unitIntervalMs } from './call-spacing';
import { effectiveLimit } from './effective-limit';
import { type LimiterClock, systemClock } from './limiter-clock';
import { type RateLimitCost } from './rate-limit-cost';
import { type RateLimitKeyState } from './rate-limit-key-state';
import { DEFAULT_RATE_LIMIT_POLICY, type RateLimitPolicy } from './rate-limit-policy';
import { type RateLimitStore, type Reservation } from './rate-limit-store';
import { type RateLimits } from './rate-limits';

interface Schedule {
  /** Theoretical arrival time of the next request / token. */
  requestsAt: number;
  tokensAt: number;
  /** Interval of one unit when it was last reserved (null: that dimension was never limited). */
  requestIntervalMs: number | null;
  tokenIntervalMs: number | null;
  pausedUntil: number;
  /** The call that went out to learn the key's limits, until its answer (or its lease ends). */
  probe: { at: number; until: number; cost: RateLimitCost } | null;
}

interface Learned {
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  unreported: boolean;
  expiresAt: number;
}

/**
 * The in-memory {@link RateLimitStore} (embedded mode, tests): the same algorithm as the Redis
 * store's Lua scripts, on `clock`. Every limiter sharing one instance shares its schedule.
 */
export class InProcessRateLimitStore implements RateLimitStore {
  private readonly schedules = new Map<string, Schedule>();
  private readonly learned = new Map<string, Learned>();

  constructor(
    private readonly policy: RateLimitPolicy = DEFAULT_RATE_LIMIT_POLICY,
    private readonly clock: LimiterClock = systemClock,
  ) {}

  async reserve(key: string, cost: RateLimitCost, limits: RateLimits): Promise<Reservation> {
    const now = this.clock.now();
    const learned = this.learnedOf(key, now);
    const schedule = this.scheduleOf(key);
    const rpm = effectiveLimit(limits.requestsPerMinute, learned?.requestsPerMinute);
    const tpm = effectiveLimit(limits.tokensPerMinute, learned?.tokensPerMinute);
    let start = Math.max(now, schedule.pausedUntil);

    if (rpm === null && tpm === null) {
      if (learned?.unreported) return { kind: 'reserved', waitMs: start - now };
      const leaseEnd = schedule.probe?.until ?? 0;
      if (leaseEnd > now) {
        return { kind: 'probing', retryInMs: Math.min(this.policy.probePollMs, leaseEnd - now) };
      }
      schedule.probe = { at: start, until: now + this.policy.probeLeaseMs, cost };
      return { kind: 'reserved', waitMs: start - now };
    }

    const requests = rpm !== null && cost.requests > 0;
    const tokens = tpm !== null && cost.tokens > 0;
    if (requests) start = Math.max(start, schedule.requestsAt);
    if (tokens) start = Math.max(start, schedule.tokensAt);
    if (requests) {
      schedule.requestIntervalMs = unitIntervalMs(rpm, this.policy.headroom);
      schedule.requestsAt = start + callIntervalMs(rpm, cost.requests, this.policy);
    }
    if (tokens) {
      schedule.tokenIntervalMs = unitIntervalMs(tpm, this.policy.headroom);
      schedule.tokensAt = start + callIntervalMs(tpm, cost.tokens, this.policy);
    }
    return { kind: 'reserved', waitMs: start - now };
  }

  async refund(key: string, cost: RateLimitCost): Promise<void> {
    const now = this.clock.now();
    const schedule = this.scheduleOf(key);
    if (schedule.requestIntervalMs !== null && cost.requests > 0) {
      schedule.requestsAt = Math.max(now, schedule.requestsAt - cost.requests * schedule.requestIntervalMs);
    }
    if (schedule.tokenIntervalMs !== null && cost.tokens > 0) {
      schedule.tokensAt = Math.max(now, schedule.tokensAt - cost.tokens * schedule.tokenIntervalMs);
    }
  }

  async adjust(key: string, tokensDelta: number): Promise<void> {
    const schedule = this.scheduleOf(key);
    if (schedule.tokenIntervalMs === null || tokensDelta === 0) return;
    const now = this.clock.now();
    schedule.tokensAt =
      tokensDelta > 0
        ? Math.max(schedule.tokensAt, now) + tokensDelta * schedule.tokenIntervalMs
        : Math.max(now, schedule.tokensAt + tokensDelta * schedule.tokenIntervalMs);
  }

  async learn(key: string, snapshot: RateLimitSnapshot | null): Promise<void> {
    const now = this.clock.now();
    const schedule = this.scheduleOf(key);
    const probe = schedule.probe;
    schedule.probe = null;
    const expiresAt = now + this.policy.learnedTtlMs;
    if (snapshot === null) {
      // One answer without headers does not erase limits another answer reported.
      const current = this.learnedOf(key, now);
      if (!current || current.unreported) {
        this.learned.set(key, {
          requestsPerMinute: null,
          tokensPerMinute: null,
          unreported: true,
          expiresAt,
        });
      }
      return;
    }
    const requestsPerMinute = snapshot.limitRequests || null;
    const tokensPerMinute = snapshot.limitTokens || null;
    if (requestsPerMinute === null && tokensPerMinute === null) return;
    this.learned.set(key, { requestsPerMinute, tokensPerMinute, unreported: false, expiresAt });
    // The probe went out unpaced: the calls after it must keep their distance from it.
    if (probe && requestsPerMinute !== null && probe.cost.requests > 0) {
      schedule.requestIntervalMs = unitIntervalMs(requestsPerMinute, this.policy.headroom);
      schedule.requestsAt = Math.max(
        schedule.requestsAt,
        probe.at + callIntervalMs(requestsPerMinute, probe.cost.requests, this.policy),
      );
    }
    if (probe && tokensPerMinute !== null && probe.cost.tokens > 0) {
      schedule.tokenIntervalMs = unitIntervalMs(tokensPerMinute, this.policy.headroom);
      schedule.tokensAt = Math.max(
        schedule.tokensAt,
        probe.at + callIntervalMs(tokensPerMinute, probe.cost.tokens, this.policy),
      );
    }
  }

  async pause(key: string, ms: number): Promise<void> {
    const schedule = this.scheduleOf(key);
    // The key answered: a probing call that got a 429 has done its job.
    schedule.probe = null;
    if (!(ms > 0)) return;
    schedule.pausedUntil = Math.max(
      schedule.pausedUntil,
      this.clock.now() + Math.min(ms, this.policy.maxPauseMs),
    );
  }

  async pausedForMs(key: string): Promise<number> {
    return Math.max(0, (this.schedules.get(key)?.pausedUntil ?? 0) - this.clock.now());
  }

  async state(key: string): Promise<RateLimitKeyState> {
    const learned = this.learnedOf(key, this.clock.now());
    return {
      learned:
        learned && !learned.unreported
          ? { requestsPerMinute: learned.requestsPerMinute, tokensPerMinute: learned.tokensPerMinute }
          : null,
      unreported: learned?.unreported ?? false,
      pausedForMs: await this.pausedForMs(key),
    };
  }

  async close(): Promise<void> {
    // Nothing to release; the state lives as long as the store.
  }

  private learnedOf(key: string, now: number): Learned | null {
    const learned = this.learned.get(key);
    if (!learned) return null;
    if (learned.expiresAt > now) return learned;
    this.learned.delete(key);
    return null;
  }

  private scheduleOf(key: string): Schedule {
    let schedule = this.schedules.get(key);
    if (!schedule) {
      schedule = {
        requestsAt: 0,
        tokensAt: 0,
        requestIntervalMs: null,
        tokenIntervalMs: null,
        pausedUntil: 0,
        probe: null,
      };
      this.schedules.set(key, schedule);
    }
    return schedule;
  }
}
