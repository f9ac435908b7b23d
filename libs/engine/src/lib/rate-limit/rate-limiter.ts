import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';
import { type RateLimitCost } from './rate-limit-cost';
import { type RateLimitKeyState } from './rate-limit-key-state';
import { type RateLimits } from './rate-limits';

/** What {@link RateLimiter.acquire} resolved with. */
export interface RateLimitGrant {
  /** How long the call waited for its slot, in whole milliseconds (an attempt's rate-limit wait). */
  waitedMs: number;
}

/**
 * Paces provider calls per key (see `rateLimitKey`) so that they stay within the key's requests
 * and tokens per minute, spread evenly over the minute (GCRA: each call gets the next free slot
 * of each limited dimension). Limits are the smaller of the configured ones and the ones the
 * provider reported in its `x-ratelimit-limit-*` headers. Implementations share their state
 * between every process using the same backend (Redis) or, in-process, within one process.
 *
 * Per call: `acquire` before it; after it `learn` from the response headers (or `pause` on a
 * 429) and `adjust` the tokens by what it really used — `recordRateLimitOutcome` does the three.
 */
export interface RateLimiter {
  /**
   * Reserves `cost` on `key` and resolves when the call may go. With nothing configured or
   * learned for the key, one call at a time goes until a response teaches the limiter the
   * limits (or that the provider reports none). Rejects with the signal's reason when `signal`
   * aborts; the reserved slot is then given back.
   */
  acquire(
    key: string,
    cost: RateLimitCost,
    limits?: RateLimits,
    signal?: AbortSignal,
  ): Promise<RateLimitGrant>;
  /** Corrects the tokens of a call already acquired: positive charges more, negative gives back. */
  adjust(key: string, correction: { tokensDelta: number }): Promise<void>;
  /**
   * Adopts the limits a provider response reported (`limitRequests`, `limitTokens`; the latest
   * report replaces the earlier one). `null` — a successful response without any rate-limit
   * header — marks the key as unreported, so it is no longer probed; it never erases limits
   * learned from another response. Either way the key's probe, if any, is over.
   */
  learn(key: string, snapshot: RateLimitSnapshot | null): Promise<void>;
  /** Holds every call of `key` for `ms` (a 429's `retry-after`); calls then resume evenly spaced. */
  pause(key: string, ms: number): Promise<void>;
  /** What the limiter knows about `key`, for status pages and tests. */
  state(key: string): Promise<RateLimitKeyState>;
  /** Closes the backend connection; further calls reject. */
  close(): Promise<void>;
}
