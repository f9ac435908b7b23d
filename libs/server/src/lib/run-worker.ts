import { type Consumer, QueueName, type RunJobPayload } from '@gtr/queue';
import { RunExecutor } from './run-executor';
import { RunReconciler } from './run-reconciler';
import { type Runtime } from './runtime';

/**
 * The worker side of a process: consumes the runs queue and keeps the queue consistent with
 * Postgres. The worker app runs one; embedded mode runs one inside the api process.
 */
export class RunWorker {
  private consumer: Consumer | null = null;
  private readonly executor: RunExecutor;
  private readonly reconciler: RunReconciler;

  constructor(private readonly runtime: Runtime) {
    const { repositories, providers, queue, events, logger, metrics, workerId, config } = runtime;
    this.executor = new RunExecutor({
      execution: repositories.execution,
      providers,
      queue,
      events,
      logger,
      metrics,
      workerId,
    });
    this.reconciler = new RunReconciler(repositories.execution, queue, logger, {
      intervalMs: 15_000,
      queuedGraceMs: 30_000,
      // A claim older than every allowed attempt's timeout plus a margin has lost its worker.
      staleRunningMs: config.GTR_RUN_TIMEOUT_MS + 60_000,
      batchSize: 500,
    });
  }

  async start(): Promise<void> {
    await this.executor.start();
    this.consumer = await this.runtime.queue.consume(
      QueueName.Runs,
      (job) => this.executor.handle(job.payload, job.signal),
      { concurrency: this.runtime.config.GTR_WORKER_CONCURRENCY },
    );
    this.reconciler.start();
    this.runtime.logger.info(
      { workerId: this.runtime.workerId, concurrency: this.runtime.config.GTR_WORKER_CONCURRENCY },
      'worker consuming runs',
    );
  }

  /** Stops taking jobs and waits for the calls in flight; runs they could not finish are released. */
  async stop(): Promise<void> {
    await this.reconciler.stop();
    await this.consumer?.close();
    this.consumer = null;
    await this.executor.stop();
  }

  /** For tests: one reconcile pass now. */
  reconcileNow(): Promise<number> {
    return this.reconciler.reconcile();
  }
}
