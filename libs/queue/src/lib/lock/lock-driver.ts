/** What {@link LockDriver.withLock} returns: the function's value, or that it did not run. */
export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Mutual exclusion by key across every process sharing the backend (Redis or, in-process,
 * this process), e.g. so only one replica fires a schedule's tick. The lock expires after
 * `ttlMs` even if its holder hangs or dies; it is not extended, so choose a ttl longer than
 * `fn` takes. A holder never releases a lock that expired and was taken by someone else.
 */
export interface LockDriver {
  /**
   * Runs `fn` while holding `key`, or returns `{ acquired: false }` at once when another
   * holder has it. Releases the lock when `fn` settles; `fn`'s rejection is passed on.
   */
  withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>): Promise<LockResult<T>>;
  /** Closes the driver's connection. */
  close(): Promise<void>;
}

/** Options of {@link createLockDriver}. */
export interface LockDriverOptions {
  /** Redis URL. Set: Redis locks; unset: in-process locks. */
  redisUrl?: string;
  /** Namespace of lock keys (`<prefix>:lock:<key>`). */
  prefix: string;
  /** Receives errors releasing a lock (it then expires on its own) and connection errors. */
  onError?: (error: Error) => void;
}

/** Rejects a ttl that is not a positive integer number of milliseconds. */
export function assertValidTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) throw new RangeError('Lock ttlMs must be a positive integer');
}
