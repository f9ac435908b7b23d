import { type AppConfig } from '@gtr/config';
import { ConcurrencyController, type RetryPolicy } from '@gtr/engine';
import { type Consumer, QueueName } from '@gtr/queue';
import { BatchSlots } from './batch-slots';
import { RunCache } from './run-cache';
import { RunExecutor } from './run-executor';
import { ProviderBatchRunner, type ProviderBatchRunnerOptions } from './provider-batches';
import { RunPacer } from './run-pacer';
import { RunReconciler, type RunReconcilerOptions } from './run-reconciler';
import { type Runtime } from './runtime';
import { ScheduleRunner } from './schedules';

/** Options of a {@link RunWorker}; the defaults suit production. */
export interface RunWorkerOptions {
  /** Backoff of failed provider calls (default `DEFAULT_RETRY_POLICY`); attempts come from each run. */
  retry?: Partial<RetryPolicy>;
  /** Overrides of {@link reconcilerOptionsOf}. */
  reconciler?: Partial<RunReconcilerOptions>;
  /** Fire due schedules from this worker (default true; every worker may, fires are exactly-once). */
  scheduler?: boolean;
  /**
   * Submit and poll `provider_batch` batches from this worker (default on, every worker may:
   * each step is a guarded update in Postgres); `false` turns it off.
   */
  providerBatches?: false | ProviderBatchRunnerOptions;
}

/**
 * How the reconciler of a worker runs by default: once per claim heartbeat; a queued run is
 * looked for in the queue after 30 s; a claim whose heartbeat stopped for three beats lost its
 * worker (a live worker confirms its claims every beat, however long its calls take).
 */
export function reconcilerOptionsOf(config: Pick<AppConfig, 'GTR_CLAIM_HEARTBEAT_MS'>): RunReconcilerOptions {
  return {
    intervalMs: config.GTR_CLAIM_HEARTBEAT_MS,
    queuedGraceMs: 30_000,
    staleRunningMs: 3 * config.GTR_CLAIM_HEARTBEAT_MS,
    batchSize: 500,
  };
}

/**
 * The worker side of a process: consumes the runs queue, keeps the queue consistent with
 * Postgres, fires due schedules and drives `provider_batch` batches through the provider's Batch
 * API. The worker app runs one; embedded mode runs one inside the api process.
 */
export class RunWorker {
  private consumer: Consumer | null = null;
  private readonly executor: RunExecutor;
  private readonly slots: BatchSlots;
  private readonly reconciler: RunReconciler;
  private readonly scheduler: ScheduleRunner | null;
  private readonly providerBatches: ProviderBatchRunner | null;

  constructor(
    private readonly runtime: Runtime,
    options: RunWorkerOptions = {},
  ) {
    const { repositories, providers, queue, events, logger, metrics, workerId, config } = runtime;
    const cache = new RunCache(repositories.responseCache, logger);
    const pacer = new RunPacer(
      runtime.limiter,
      new ConcurrencyController({ max: config.GTR_WORKER_CONCURRENCY }),
      config.GTR_RATE_LIMITS,
      logger,
    );
    this.slots = new BatchSlots(runtime.slots, events, logger);
    this.executor = new RunExecutor({
      execution: repositories.execution,
      providers,
      queue,
      events,
      logger,
      metrics,
      workerId,
      cache,
      pacer,
      slots: this.slots,
      deadlineMs: config.GTR_RUN_DEADLINE_MS,
      heartbeatMs: config.GTR_CLAIM_HEARTBEAT_MS,
      retry: options.retry,
    });
    this.reconciler = new RunReconciler(repositories.execution, queue, logger, {
      ...reconcilerOptionsOf(config),
      ...options.reconciler,
      onTick: () => cache.purge(),
    });
    this.scheduler = options.scheduler === false ? null : new ScheduleRunner(runtime);
    this.providerBatches =
      options.providerBatches === false ? null : new ProviderBatchRunner(runtime, options.providerBatches);
  }

  /** Whether it is consuming (between `start` and `stop`). */
  get running(): boolean {
    return this.consumer !== null;
  }

  /** Subscribes to cancel requests, starts consuming and starts the reconcile loop. Idempotent. */
  async start(): Promise<void> {
    if (this.consumer) return;
    await this.executor.start();
    await this.slots.start();
    this.consumer = await this.runtime.queue.consume(
      QueueName.Runs,
      (job) => this.executor.handle(job.payload, job.signal),
      { concurrency: this.runtime.config.GTR_WORKER_CONCURRENCY },
    );
    this.reconciler.start();
    this.scheduler?.start();
    this.providerBatches?.start();
    this.runtime.logger.info(
      { workerId: this.runtime.workerId, concurrency: this.runtime.config.GTR_WORKER_CONCURRENCY },
      'worker consuming runs',
    );
  }

  /**
   * Stops taking jobs and waits for the calls in flight (the queue driver's close grace); calls
   * still running then are aborted and their runs handed back to the queue for another worker.
   */
  async stop(): Promise<void> {
    await this.scheduler?.stop();
    await this.providerBatches?.stop();
    await this.reconciler.stop();
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.close();
    await this.slots.stop();
    await this.executor.stop();
  }

  /** One reconcile pass now; resolves to how many runs it put back in the queue. */
  reconcileNow(): Promise<number> {
    return this.reconciler.reconcile();
  }
}
