import { Queue } from 'bullmq';
import { type Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, whenReady } from '../../redis/redis-client';
import { assertValidConsumeOptions, serializeJob } from '../job-validation';
import {
  type Consumer,
  type ConsumeOptions,
  type JobHandler,
  type JobToAdd,
  type QueueCounts,
  type QueueDriver,
} from '../queue-driver';
import { JOB_RETENTION, type ResolvedQueueDriverOptions } from '../queue-driver-options';
import { type PayloadOf, type QueueName } from '../queue-name';
import { BullmqConsumer } from './bullmq-consumer';

/** Jobs per `addBulk` round trip: bounds the size of one Redis pipeline. */
const BULK_CHUNK = 500;

const FINISHED_STATES = new Set(['completed', 'failed', 'unknown']);

/**
 * The BullMQ {@link QueueDriver} (distributed mode). One producer connection is shared by all
 * queues, one worker connection by all consumers (BullMQ adds a blocking one per consumer).
 *
 * Finished jobs are kept for a while ({@link JOB_RETENTION}) so counts and failures can be
 * inspected. BullMQ would treat such a job's id as taken, so adding an id whose job is
 * completed or failed first removes that finished job.
 */
export class BullmqQueueDriver implements QueueDriver {
  private readonly producer: Redis;
  private workerConnection?: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly consumers = new Set<BullmqConsumer>();
  private closing?: Promise<void>;

  constructor(
    private readonly redisUrl: string,
    private readonly options: ResolvedQueueDriverOptions,
  ) {
    this.producer = createRedisClient(redisUrl, 'command', options.onError);
  }

  async add<Q extends QueueName>(queue: Q, job: JobToAdd<PayloadOf<Q>>): Promise<void> {
    await this.addBulk(queue, [job]);
  }

  async addBulk<Q extends QueueName>(queue: Q, jobs: readonly JobToAdd<PayloadOf<Q>>[]): Promise<void> {
    this.assertOpen();
    jobs.forEach((job) => serializeJob(job));
    const target = this.queue(queue);
    for (let start = 0; start < jobs.length; start += BULK_CHUNK) {
      const chunk = jobs.slice(start, start + BULK_CHUNK);
      await this.removeFinished(
        target,
        chunk.map((job) => job.id),
      );
      await target.addBulk(
        chunk.map((job) => ({
          name: queue,
          data: job.payload,
          opts: {
            jobId: job.id,
            delay: job.delayMs,
            priority: job.priority,
            // The engine decides about retries itself.
            attempts: 1,
            removeOnComplete: {
              age: JOB_RETENTION.completed.ageSeconds,
              count: JOB_RETENTION.completed.count,
            },
            removeOnFail: { age: JOB_RETENTION.failed.ageSeconds, count: JOB_RETENTION.failed.count },
          },
        })),
      );
    }
  }

  async consume<Q extends QueueName>(
    queue: Q,
    handler: JobHandler<PayloadOf<Q>>,
    options: ConsumeOptions,
  ): Promise<Consumer> {
    this.assertOpen();
    assertValidConsumeOptions(options);
    this.workerConnection ??= createRedisClient(this.redisUrl, 'worker', this.options.onError);
    const consumer = new BullmqConsumer(
      queue,
      handler as JobHandler<unknown>,
      options.concurrency,
      this.workerConnection,
      this.options,
    );
    this.consumers.add(consumer);
    await consumer.ready();
    return {
      close: async () => {
        await consumer.close();
        this.consumers.delete(consumer);
      },
    };
  }

  async has(queue: QueueName, jobId: string): Promise<boolean> {
    this.assertOpen();
    const state = await this.queue(queue).getJobState(jobId);
    return !FINISHED_STATES.has(state);
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    this.assertOpen();
    const counts = await this.queue(queue).getJobCounts(
      'waiting',
      'paused',
      'prioritized',
      'active',
      'delayed',
      'failed',
      'completed',
    );
    return {
      waiting: counts['waiting'] + counts['paused'] + counts['prioritized'],
      active: counts['active'],
      delayed: counts['delayed'],
      failed: counts['failed'],
      completed: counts['completed'],
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await whenReady(this.producer);
    await this.producer.ping();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.consumers].map((consumer) => consumer.close()));
      this.consumers.clear();
      await Promise.all([...this.queues.values()].map((queue) => queue.close()));
      await closeRedisClient(this.producer);
      if (this.workerConnection) await closeRedisClient(this.workerConnection);
    })();
    return this.closing;
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producer, prefix: this.options.prefix });
      queue.on('error', (error) => this.options.onError(error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Removes the completed or failed jobs among `ids`, so they can be added again. */
  private async removeFinished(queue: Queue, ids: readonly string[]): Promise<void> {
    await whenReady(this.producer);
    const pipeline = this.producer.pipeline();
    for (const id of ids) {
      pipeline.zscore(queue.keys['completed'], id);
      pipeline.zscore(queue.keys['failed'], id);
    }
    const replies = (await pipeline.exec()) ?? [];
    const finished = ids.filter(
      (_, index) => replies[2 * index]?.[1] != null || replies[2 * index + 1]?.[1] != null,
    );
    await Promise.all(finished.map((id) => queue.remove(id)));
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The queue driver is closed');
  }
}
