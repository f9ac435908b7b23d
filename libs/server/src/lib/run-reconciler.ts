import { type RunExecutionRepository } from '@gtr/data';
import { type QueueDriver, QueueName } from '@gtr/queue';
import { type Logger } from '@gtr/telemetry';
import { runJobId, runJobOf } from './run-job-id';

export interface RunReconcilerOptions {
  /** How often to look. */
  intervalMs: number;
  /** A queued run older than this with no job in the queue is enqueued again (Redis loss). */
  queuedGraceMs: number;
  /** A running run whose claim is older than this lost its worker and goes back to the queue. */
  staleRunningMs: number;
  batchSize: number;
  /** Other housekeeping that shares the loop's pace (e.g. purging expired cache entries). */
  onTick?: () => Promise<unknown>;
}

/**
 * Postgres is the source of truth; the queue only mirrors it. This loop repairs the mirror:
 * runs queued in Postgres but missing from the queue are enqueued again, and runs whose worker
 * died mid-call are released and enqueued. Every repair is a guarded update or a deduplicated
 * enqueue, so any number of workers may run it at once.
 */
export class RunReconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly execution: RunExecutionRepository,
    private readonly queue: QueueDriver,
    private readonly logger: Logger,
    private readonly options: RunReconcilerOptions,
  ) {}

  /** Starts the loop (idempotent); the first pass runs after one interval. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running ??= this.reconcile()
        .then(() => this.options.onTick?.())
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, 'reconcile failed'))
        .finally(() => (this.running = null));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the loop and waits for a pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; returns how many runs it re-enqueued. */
  async reconcile(): Promise<number> {
    let repaired = 0;
    for (const run of await this.execution.findStaleRunning(
      this.options.staleRunningMs,
      this.options.batchSize,
    )) {
      if (await this.execution.release(run.runId, run.attemptCount)) {
        await this.queue.add(QueueName.Runs, runJobOf(run, run.attemptCount + 1));
        this.logger.warn({ runId: run.runId }, 'run lost its worker; released to the queue');
        repaired++;
      }
    }
    for (const run of await this.execution.findQueued(this.options.queuedGraceMs, this.options.batchSize)) {
      const jobId = runJobId(run.runId, run.attemptCount + 1);
      if (!(await this.queue.has(QueueName.Runs, jobId))) {
        await this.queue.add(QueueName.Runs, runJobOf(run, run.attemptCount + 1));
        this.logger.warn({ runId: run.runId }, 'queued run missing from the queue; enqueued again');
        repaired++;
      }
    }
    return repaired;
  }
}
