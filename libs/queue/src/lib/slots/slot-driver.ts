/** One held slot: its key and its holder. */
export interface HeldSlot {
  key: string;
  holder: string;
}

/**
 * A counting semaphore by key across every process sharing the backend (Redis or, in-process,
 * this process): at most `limit` holders of a key at once, e.g. the provider calls of one
 * batch in flight across all workers. Slots are leases: a holder that dies without releasing
 * frees its slot when the lease runs out, so a crashed worker never shrinks a cap for good.
 */
export interface SlotDriver {
  /**
   * Takes a slot of `key` for `holder` when fewer than `limit` holders have one, leased for
   * `leaseMs`. True when taken, or when `holder` already held it (its lease is renewed);
   * false at once when every slot is taken.
   */
  tryAcquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean>;
  /** Gives a slot back. A no-op when its lease ran out or it was never held. */
  release(key: string, holder: string): Promise<void>;
  /** Extends the leases of slots still held; a slot whose lease ran out is not taken back. */
  renew(slots: readonly HeldSlot[], leaseMs: number): Promise<void>;
  /** Closes the driver's connection. */
  close(): Promise<void>;
}

/** Options of {@link createSlotDriver}. */
export interface SlotDriverOptions {
  /** Redis URL. Set: slots in Redis; unset: in this process. */
  redisUrl?: string;
  /** Namespace of slot keys (`<prefix>:slots:<key>`). */
  prefix: string;
  /** Receives connection errors. */
  onError?: (error: Error) => void;
}

/** Rejects a limit or lease that is not a positive integer. */
export function assertValidSlotArgs(limit: number, leaseMs: number): void {
  if (!Number.isInteger(limit) || limit <= 0) throw new RangeError('Slot limit must be a positive integer');
  if (!Number.isInteger(leaseMs) || leaseMs <= 0)
    throw new RangeError('Slot leaseMs must be a positive integer');
}
