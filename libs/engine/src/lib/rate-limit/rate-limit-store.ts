import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';
import { type RateLimitCost } from './rate-limit-cost';
import { type RateLimitKeyState } from './rate-limit-key-state';
import { type RateLimits } from './rate-limits';

/** The answer of {@link RateLimitStore.reserve}. */
export type Reservation =
  /** The slot is taken: the call may go after `waitMs`. */
  | { kind: 'reserved'; waitMs: number }
  /** The key's limits are unknown and another call is learning them: ask again after `retryInMs`. */
  | { kind: 'probing'; retryInMs: number };

/**
 * Where a {@link RateLimiter} keeps its per-key state: one atomic operation per method, so every
 * process sharing the store sees one schedule. The limiter sleeps; the store only computes.
 * Times are the store's own clock (Redis `TIME` for the Redis store).
 *
 * State per key: the theoretical arrival time of the next call per dimension (requests,
 * tokens) and the interval one unit took when it was last reserved, the end of a pause, the
 * limits learned from headers (kept `learnedTtlMs`), and the lease of a probing call with its
 * start and cost (charged once its answer tells the limits).
 */
export interface RateLimitStore {
  /**
   * Effective limits are the smaller of `limits` and the learned ones. The call starts at the
   * latest of now, the end of a pause and, per limited dimension with a non-zero cost, that
   * dimension's next arrival time; each such arrival time then moves to the start plus the
   * call's interval (`callIntervalMs`). With no limit at all the call goes at once when the key
   * is unreported, takes the probe lease when it is free, and gets `probing` otherwise.
   */
  reserve(key: string, cost: RateLimitCost, limits: RateLimits): Promise<Reservation>;
  /**
   * Gives back a reservation that will not be used: its units' share of the minute (at most what
   * it took). Arrival times never move before now.
   */
  refund(key: string, cost: RateLimitCost): Promise<void>;
  /** Moves the token arrival time by `tokensDelta` tokens (not before now). */
  adjust(key: string, tokensDelta: number): Promise<void>;
  /** See {@link RateLimiter.learn}; also frees the probe lease. */
  learn(key: string, snapshot: RateLimitSnapshot | null): Promise<void>;
  /**
   * Pauses `key` until now + `ms` (capped by the policy), unless it is already paused longer.
   * Also frees the probe lease: the key answered.
   */
  pause(key: string, ms: number): Promise<void>;
  /** How much longer `key` is paused, in milliseconds (0 when it is not). */
  pausedForMs(key: string): Promise<number>;
  state(key: string): Promise<RateLimitKeyState>;
  close(): Promise<void>;
}
