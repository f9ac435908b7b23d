import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';
import { type LimiterClock, systemClock } from './limiter-clock';
import { assertValidCost, type RateLimitCost } from './rate-limit-cost';
import { type RateLimitKeyState } from './rate-limit-key-state';
import { type RateLimitStore } from './rate-limit-store';
import { type RateLimitGrant, type RateLimiter } from './rate-limiter';
import { assertValidRateLimits, type RateLimits } from './rate-limits';

/** How long before its slot a waiting call checks for a pause set since it reserved. */
const PAUSE_CHECK_LEAD_MS = 20;

/**
 * The {@link RateLimiter} of both deployment modes: the store (in-process or Redis) computes each
 * call's slot atomically, this class sleeps until it. A call that waits longer than 20 ms checks,
 * 20 ms before its slot, for a pause set meanwhile (another call got a 429) and, if the pause
 * lasts past its slot, takes a new slot after it (the old one stays spent).
 */
export class PacedRateLimiter implements RateLimiter {
  private closed = false;

  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: LimiterClock = systemClock,
  ) {}

  async acquire(
    key: string,
    cost: RateLimitCost,
    limits: RateLimits = {},
    signal?: AbortSignal,
  ): Promise<RateLimitGrant> {
    this.assertOpen();
    assertValidCost(cost);
    assertValidRateLimits(limits);
    const started = this.clock.now();
    const grant = () => ({ waitedMs: Math.max(0, Math.round(this.clock.now() - started)) });
    for (;;) {
      signal?.throwIfAborted();
      const reservation = await this.store.reserve(key, cost, limits);
      if (reservation.kind === 'probing') {
        await this.clock.sleep(reservation.retryInMs, signal);
        continue;
      }
      if (reservation.waitMs <= 0) return grant();
      const due = this.clock.now() + reservation.waitMs;
      try {
        // Look for a pause set meanwhile shortly before the slot rather than after it, so the
        // store's round trip does not delay the call past its slot.
        if (reservation.waitMs > PAUSE_CHECK_LEAD_MS) {
          await this.clock.sleep(reservation.waitMs - PAUSE_CHECK_LEAD_MS, signal);
          if (this.clock.now() + (await this.store.pausedForMs(key)) > due) continue;
        }
        await this.clock.sleep(Math.max(0, due - this.clock.now()), signal);
      } catch (error) {
        // Best effort: if the store cannot take the slot back, it merely stays unused.
        await this.store.refund(key, cost).catch(() => undefined);
        throw error;
      }
      return grant();
    }
  }

  async adjust(key: string, correction: { tokensDelta: number }): Promise<void> {
    this.assertOpen();
    if (!Number.isFinite(correction.tokensDelta)) {
      throw new RangeError(`tokensDelta must be a finite number, got ${correction.tokensDelta}`);
    }
    await this.store.adjust(key, correction.tokensDelta);
  }

  async learn(key: string, snapshot: RateLimitSnapshot | null): Promise<void> {
    this.assertOpen();
    await this.store.learn(key, snapshot);
  }

  async pause(key: string, ms: number): Promise<void> {
    this.assertOpen();
    if (!Number.isFinite(ms))
      throw new RangeError(`Pause must be a finite number of milliseconds, got ${ms}`);
    await this.store.pause(key, ms);
  }

  async state(key: string): Promise<RateLimitKeyState> {
    this.assertOpen();
    return this.store.state(key);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.store.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The rate limiter is closed');
  }
}
