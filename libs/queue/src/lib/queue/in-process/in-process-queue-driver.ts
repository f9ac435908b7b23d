import {
  type Consumer,
  type ConsumeOptions,
  type JobHandler,
  type JobToAdd,
  type QueueCounts,
  type QueueDriver,
} from '../queue-driver';
import { type ResolvedQueueDriverOptions } from '../queue-driver-options';
import { type PayloadOf, type QueueName } from '../queue-name';
import { assertValidConsumeOptions, serializeJob } from '../job-validation';
import { InProcessConsumer } from './in-process-consumer';
import { InProcessQueue } from './in-process-queue';

/**
 * Queues of this process by `prefix:name`. Like keys on one Redis server, they are shared by
 * every driver with the same prefix, so an embedded api and worker built separately still
 * see the same jobs; a driver's `close` stops its consumers but keeps the jobs.
 */
const queues = new Map<string, InProcessQueue>();

/** The in-memory {@link QueueDriver}: embedded mode and tests. Jobs die with the process. */
export class InProcessQueueDriver implements QueueDriver {
  private readonly consumers = new Set<InProcessConsumer>();
  private closed = false;

  constructor(private readonly options: ResolvedQueueDriverOptions) {}

  async add<Q extends QueueName>(queue: Q, job: JobToAdd<PayloadOf<Q>>): Promise<void> {
    await this.addBulk(queue, [job]);
  }

  async addBulk<Q extends QueueName>(queue: Q, jobs: readonly JobToAdd<PayloadOf<Q>>[]): Promise<void> {
    this.assertOpen();
    const serialized = jobs.map((job) => serializeJob(job));
    const target = this.queue(queue);
    jobs.forEach((job, index) => target.add(job, serialized[index]));
  }

  async consume<Q extends QueueName>(
    queue: Q,
    handler: JobHandler<PayloadOf<Q>>,
    options: ConsumeOptions,
  ): Promise<Consumer> {
    this.assertOpen();
    assertValidConsumeOptions(options);
    const target = this.queue(queue);
    const consumer = new InProcessConsumer(
      target,
      handler as JobHandler<unknown>,
      options.concurrency,
      this.options,
    );
    this.consumers.add(consumer);
    target.attach(consumer);
    return {
      close: async () => {
        await consumer.close();
        this.consumers.delete(consumer);
      },
    };
  }

  async has(queue: QueueName, jobId: string): Promise<boolean> {
    this.assertOpen();
    return this.queue(queue).has(jobId);
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    this.assertOpen();
    return this.queue(queue).counts();
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    this.consumers.clear();
  }

  private queue(name: QueueName): InProcessQueue {
    const key = `${this.options.prefix}:${name}`;
    let queue = queues.get(key);
    if (!queue) {
      queue = new InProcessQueue();
      queues.set(key, queue);
    }
    return queue;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The queue driver is closed');
  }
}
