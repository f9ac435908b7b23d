import { type BatchCap, type EventBus, type SlotDriver } from '@gtr/queue';
import { type Logger } from '@gtr/telemetry';

/** Channel on which a process says it gave back a slot of a batch, so waiters elsewhere try again. */
export const BATCH_SLOTS_CHANNEL = 'batches:slots';

/** A slot taken by {@link BatchSlots.acquire}; `release` is idempotent. */
export interface BatchSlot {
  /** How long the caller waited for it. */
  waitedMs: number;
  release(): Promise<void>;
}

export interface BatchSlotsOptions {
  /** Lease of a slot; renewed every third of it while held, so it only lapses when its process dies. Default 60 s. */
  leaseMs?: number;
  /** Waiters try again at least this often, in case a release notice was lost. Default 250 ms. */
  pollMs?: number;
}

interface Waiter {
  cap: BatchCap;
  holder: string;
  since: number;
  resolve(slot: BatchSlot): void;
  reject(reason: unknown): void;
}

function isSlotsMessage(message: unknown): message is { batchId: string } {
  return typeof (message as { batchId?: unknown } | null)?.batchId === 'string';
}

/**
 * Enforces a batch's cap on provider calls in flight across every worker: a job takes one of
 * its batch's slots (a lease in the {@link SlotDriver}) before claiming the run, and gives it
 * back when the call is over. Waiters of a batch queue up in this process in arrival order; a
 * slot given back here passes straight to the first of them (same lease), otherwise it returns
 * to the driver and the release is announced, so waiters elsewhere try again (as they do every
 * `pollMs`). The job keeps its worker slot while it waits; its run stays `queued` in Postgres.
 */
export class BatchSlots {
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly waking = new Set<string>();
  private readonly wakeAgain = new Set<string>();
  private readonly held = new Map<string, { key: string; holder: string }>();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private unsubscribe: (() => Promise<void>) | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  /** Numbers each lease of this process, so no two leases ever share a member in the driver. */
  private sequence = 0;
  /** Set by `stop`: an acquire that was taking the fast path meanwhile must not start waiting. */
  private stopped: { reason: unknown } | null = null;

  constructor(
    private readonly driver: SlotDriver,
    private readonly events: EventBus,
    private readonly logger: Logger,
    options: BatchSlotsOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 250;
  }

  /** Listens for releases elsewhere and keeps held leases alive. Idempotent. */
  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.stopped = null;
    this.unsubscribe = await this.events.subscribe(BATCH_SLOTS_CHANNEL, (message) => {
      if (isSlotsMessage(message) && this.waiters.has(message.batchId)) this.wake(message.batchId);
    });
    this.renewTimer = setInterval(() => this.renew(), Math.max(1, Math.floor(this.leaseMs / 3)));
    this.renewTimer.unref();
    this.pollTimer = setInterval(() => {
      for (const batchId of this.waiters.keys()) this.wake(batchId);
    }, this.pollMs);
    this.pollTimer.unref();
  }

  /** Stops listening; waiters still queued are rejected with `reason`. */
  async stop(reason: unknown = new Error('Batch slots stopped')): Promise<void> {
    if (this.renewTimer) clearInterval(this.renewTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.renewTimer = this.pollTimer = null;
    this.stopped = { reason };
    for (const queue of this.waiters.values()) for (const waiter of queue) waiter.reject(reason);
    this.waiters.clear();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.();
  }

  /**
   * Resolves with a slot of `cap.id` for the call of `runId` once fewer than `cap.concurrency`
   * holders have one. Rejects with `signal.reason` when `signal` aborts first.
   */
  async acquire(cap: BatchCap, runId: string, signal: AbortSignal): Promise<BatchSlot> {
    signal.throwIfAborted();
    const since = Date.now();
    // A lease passes from holder to holder in this process (see `slotOf`), so it is named for
    // this request, not the run: a retry of the run must never find its old lease held.
    const holder = `${runId}#${++this.sequence}`;
    // The fast path; a driver error joins the queue instead, which tries again on the poll.
    if (!this.waiters.has(cap.id) && (await this.tryTake(cap, holder).catch(() => false))) {
      return this.slotOf(cap, holder, since);
    }
    signal.throwIfAborted();
    if (this.stopped) throw this.stopped.reason;
    return new Promise<BatchSlot>((resolve, reject) => {
      const onAbort = () => {
        this.drop(waiter);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        cap,
        holder,
        since,
        resolve: (slot) => {
          signal.removeEventListener('abort', onAbort);
          resolve(slot);
        },
        reject: (reason) => {
          signal.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const queue = this.waiters.get(cap.id) ?? [];
      queue.push(waiter);
      this.waiters.set(cap.id, queue);
      this.wake(cap.id);
    });
  }

  private slotOf(cap: BatchCap, holder: string, since: number): BatchSlot {
    const id = `${cap.id}:${holder}`;
    this.held.set(id, { key: cap.id, holder });
    let released = false;
    return {
      waitedMs: Date.now() - since,
      release: async () => {
        if (released) return;
        released = true;
        const next = this.waiters.get(cap.id)?.[0];
        if (next) {
          // The lease goes on to the next waiter here: no Redis round trip between one call of
          // the batch and the next. It is still renewed, and released by the last holder.
          this.drop(next);
          next.resolve(this.slotOf(next.cap, holder, next.since));
          return;
        }
        this.held.delete(id);
        try {
          await this.driver.release(cap.id, holder);
        } catch (err) {
          // The lease runs out on its own; until then the batch runs one call short.
          this.logger.warn(
            { err, batchId: cap.id },
            'releasing a batch slot failed; it frees when its lease ends',
          );
          return;
        }
        // No waiter here (one would have taken the lease above): a waiter elsewhere may need it.
        await this.events.publish(BATCH_SLOTS_CHANNEL, { batchId: cap.id }).catch(() => undefined);
      },
    };
  }

  /** Hands free slots to this process's waiters of a batch, first come first served. */
  private wake(batchId: string): void {
    if (this.waking.has(batchId)) {
      this.wakeAgain.add(batchId);
      return;
    }
    this.waking.add(batchId);
    void this.serve(batchId).finally(() => {
      this.waking.delete(batchId);
      if (this.wakeAgain.delete(batchId) && this.waiters.has(batchId)) this.wake(batchId);
    });
  }

  private async serve(batchId: string): Promise<void> {
    for (;;) {
      const head = this.waiters.get(batchId)?.[0];
      if (!head) return;
      let taken: boolean;
      try {
        taken = await this.tryTake(head.cap, head.holder);
      } catch (err) {
        this.logger.warn({ err, batchId }, 'taking a batch slot failed; trying again shortly');
        return;
      }
      // The head may have given up (aborted) while the driver answered.
      if (this.waiters.get(batchId)?.[0] !== head) {
        if (taken) await this.driver.release(batchId, head.holder).catch(() => undefined);
        continue;
      }
      if (!taken) return;
      this.drop(head);
      head.resolve(this.slotOf(head.cap, head.holder, head.since));
    }
  }

  private tryTake(cap: BatchCap, holder: string): Promise<boolean> {
    return this.driver.tryAcquire(cap.id, holder, cap.concurrency, this.leaseMs);
  }

  private drop(waiter: Waiter): void {
    const queue = this.waiters.get(waiter.cap.id);
    if (!queue) return;
    const at = queue.indexOf(waiter);
    if (at >= 0) queue.splice(at, 1);
    if (queue.length === 0) this.waiters.delete(waiter.cap.id);
  }

  private renew(): void {
    if (this.held.size === 0) return;
    this.driver
      .renew([...this.held.values()], this.leaseMs)
      .catch((err: unknown) => this.logger.warn({ err }, 'renewing batch slot leases failed'));
  }
}
