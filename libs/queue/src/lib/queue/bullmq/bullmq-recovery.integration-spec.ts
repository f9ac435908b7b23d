import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { deferred, waitFor } from '../../../../test/async-helpers';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../../../test/redis-test-keys';
import { createQueueDriver } from '../create-queue-driver';
import { type QueueDriver, type ReceivedJob } from '../queue-driver';
import { QueueName } from '../queue-name';
import { type RunJobPayload } from '../run-job-payload';

const runs = QueueName.Runs;
const fastRecovery = { lockDurationMs: 1_000, stalledIntervalMs: 500 };

describe('BullMQ driver recovery', () => {
  const filePrefix = uniquePrefix('bullmq-recovery');
  let prefix = '';
  let testIndex = 0;
  const open: QueueDriver[] = [];
  const errors: Error[] = [];

  function driver(): QueueDriver {
    const created = createQueueDriver({
      prefix,
      redisUrl: TEST_REDIS_URL,
      ...fastRecovery,
      onError: (e) => errors.push(e),
    });
    open.push(created);
    return created;
  }

  beforeEach(() => {
    testIndex += 1;
    prefix = `${filePrefix}:t${testIndex}`;
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((created) => created.close()));
  });

  afterAll(async () => {
    await deleteKeys(filePrefix);
  });

  it('gives the job of a consumer whose process died to another consumer', async () => {
    const queue = driver();
    await queue.add(runs, { id: 'run-orphan', payload: { runId: 'run-orphan', tenantId: 'tenant-1' } });

    // The dying process: a plain BullMQ worker on the same queue that never finishes the job.
    // Workers of one queue must share stalledInterval: the first check sets the pace for all.
    const dyingConnection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const taken = deferred();
    const dying = new Worker(
      runs,
      async () => {
        taken.resolve();
        await new Promise(() => undefined);
      },
      {
        connection: dyingConnection,
        prefix,
        lockDuration: fastRecovery.lockDurationMs,
        stalledInterval: fastRecovery.stalledIntervalMs,
      },
    );
    await taken.promise;
    await dying.close(true);
    dyingConnection.disconnect();
    expect(await queue.counts(runs)).toMatchObject({ active: 1 });

    const recovered = deferred<ReceivedJob<RunJobPayload>>();
    await driver().consume(runs, async (delivered) => recovered.resolve(delivered), { concurrency: 1 });
    const delivered = await recovered.promise;
    expect(delivered.id).toBe('run-orphan');
    expect(delivered.attemptsMade).toBe(1);
    await waitFor(async () => (await queue.counts(runs)).completed === 1);
  });

  it('aborts a handler whose lock was lost, then runs the recovered job again', async () => {
    const queue = driver();
    const redis = new Redis(TEST_REDIS_URL);
    const deliveries: Array<{ attemptsMade: number; abortReason?: unknown }> = [];
    const started = deferred();
    await queue.consume(
      runs,
      async ({ attemptsMade, signal }) => {
        const delivery: { attemptsMade: number; abortReason?: unknown } = { attemptsMade };
        deliveries.push(delivery);
        if (attemptsMade > 0) return;
        started.resolve();
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        delivery.abortReason = signal.reason;
        throw new Error('stopped');
      },
      { concurrency: 1 },
    );
    await queue.add(runs, { id: 'run-lost', payload: { runId: 'run-lost', tenantId: 'tenant-1' } });
    await started.promise;
    await redis.del(`${prefix}:${runs}:run-lost:lock`);
    await redis.quit();

    await waitFor(async () => (await queue.counts(runs)).completed === 1);
    expect(deliveries.map((d) => d.attemptsMade)).toEqual([0, 1]);
    expect(String(deliveries[0].abortReason)).toContain('Lost the lock on job run-lost');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('fails ping while Redis is unreachable', async () => {
    const unreachable = createQueueDriver({ prefix, redisUrl: 'redis://127.0.0.1:1' });
    open.push(unreachable);
    await expect(unreachable.ping()).rejects.toThrow('ECONNREFUSED');
  });
});
