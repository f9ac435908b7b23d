import { toError } from '../shared/to-error';
import { ConsumerClosedError } from './consumer-closed-error';

/** How a job's processing ended, as far as the queue is concerned. */
export type JobOutcome =
  | { kind: 'completed' }
  | { kind: 'failed'; error: Error }
  /** The consumer is closing: the job goes back to the queue for another consumer. */
  | { kind: 'released' };

/** Grace periods of a consumer's close. */
export interface CloseGrace {
  closeGraceMs: number;
  abortGraceMs: number;
}

interface RunningJob {
  controller: AbortController;
  abandon: () => void;
}

/**
 * The jobs one consumer is running, each with its AbortController, and the graceful close
 * both drivers share: wait, then abort, then abandon.
 */
export class ActiveJobs {
  private readonly running = new Map<string, RunningJob>();
  private idleWaiters: Array<() => void> = [];
  private closing = false;

  /** Number of jobs whose handler is running (abandoned ones no longer count). */
  get size(): number {
    return this.running.size;
  }

  /**
   * Runs `work` for job `id` and reports the outcome. Never rejects. Once closing, a job is
   * released without running, since a consumer may receive one more job while it stops.
   */
  async run(id: string, work: (signal: AbortSignal) => Promise<void>): Promise<JobOutcome> {
    if (this.closing) return { kind: 'released' };
    const controller = new AbortController();
    let abandon = (): void => undefined;
    const abandoned = new Promise<JobOutcome>((resolve) => {
      abandon = () => resolve({ kind: 'released' });
    });
    this.running.set(id, { controller, abandon });
    try {
      const outcome = await Promise.race([settle(work, controller.signal), abandoned]);
      if (outcome.kind === 'failed' && controller.signal.reason instanceof ConsumerClosedError) {
        return { kind: 'released' };
      }
      return outcome;
    } finally {
      this.running.delete(id);
      if (this.running.size === 0) this.notifyIdle();
    }
  }

  /** Aborts the signal of job `id`, if it is running here. */
  abort(id: string, reason: Error): void {
    this.running.get(id)?.controller.abort(reason);
  }

  /**
   * Stops accepting jobs and waits for the running ones: up to `closeGraceMs`, then aborts
   * their signals; up to `abortGraceMs` more, then abandons those still running (their jobs
   * are released and whatever the handler does later is ignored).
   */
  async drain(grace: CloseGrace): Promise<void> {
    this.closing = true;
    if (await this.idleWithin(grace.closeGraceMs)) return;
    const reason = new ConsumerClosedError();
    for (const job of this.running.values()) job.controller.abort(reason);
    if (await this.idleWithin(grace.abortGraceMs)) return;
    for (const job of [...this.running.values()]) job.abandon();
    await this.idleWithin(Number.POSITIVE_INFINITY);
  }

  private idleWithin(ms: number): Promise<boolean> {
    if (this.running.size === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => resolve(false), ms) : undefined;
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

async function settle(
  work: (signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): Promise<JobOutcome> {
  try {
    await work(signal);
    return { kind: 'completed' };
  } catch (error) {
    return { kind: 'failed', error: toError(error) };
  }
}
