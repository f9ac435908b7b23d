import { type Job, WaitingError, Worker } from 'bullmq';
import { type Redis } from 'ioredis';
import { toError } from '../../shared/to-error';
import { ActiveJobs } from '../active-jobs';
import { type Consumer, type JobHandler } from '../queue-driver';
import { type ResolvedQueueDriverOptions } from '../queue-driver-options';
import { type QueueName } from '../queue-name';

/** A {@link Consumer} backed by one BullMQ `Worker`. */
export class BullmqConsumer implements Consumer {
  private readonly active = new ActiveJobs();
  private readonly worker: Worker;
  private closing?: Promise<void>;

  constructor(
    queue: QueueName,
    private readonly handler: JobHandler<unknown>,
    concurrency: number,
    connection: Redis,
    private readonly options: ResolvedQueueDriverOptions,
  ) {
    this.worker = new Worker(queue, (job, token) => this.process(job, token), {
      connection,
      prefix: options.prefix,
      concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
      maxStalledCount: options.maxStalledCount,
    });
    this.worker.on('error', (error) => options.onError(error));
    // Another consumer may pick the job up once the lock is gone: tell the handler to stop.
    this.worker.on('lockRenewalFailed', (jobIds) => {
      for (const id of jobIds) this.active.abort(id, new Error(`Lost the lock on job ${id}`));
    });
  }

  /** Resolves once the worker's connections are up. */
  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const stopped = this.worker.close();
      await this.active.drain(this.options);
      await stopped;
    })();
    return this.closing;
  }

  private async process(job: Job<unknown>, token: string | undefined): Promise<void> {
    const id = String(job.id);
    const outcome = await this.active.run(id, (signal) =>
      this.handler({ id, payload: job.data, attemptsMade: Math.max(0, job.attemptsStarted - 1), signal }),
    );
    if (outcome.kind === 'completed') return;
    if (outcome.kind === 'failed') throw outcome.error;
    try {
      await job.moveToWait(token);
    } catch (error) {
      // The job stays active without a lock renewal: stalled-job recovery returns it instead.
      this.options.onError(toError(error));
    }
    // Tells BullMQ the job was moved on purpose, so it does not mark it failed.
    throw new WaitingError();
  }
}
