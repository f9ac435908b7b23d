import { deferred, sleep, waitFor } from '../../../test/async-helpers';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../../test/redis-test-keys';
import { ConsumerClosedError } from './consumer-closed-error';
import { createQueueDriver } from './create-queue-driver';
import { type JobToAdd, type QueueDriver, type ReceivedJob } from './queue-driver';
import { type QueueDriverOptions } from './queue-driver-options';
import { QueueName } from './queue-name';
import { type RunJobPayload } from './run-job-payload';

const runs = QueueName.Runs;

function job(id: string, extra: Partial<JobToAdd<RunJobPayload>> = {}): JobToAdd<RunJobPayload> {
  return { id, payload: { runId: id, tenantId: 'tenant-1' }, ...extra };
}

describe.each([
  ['in-process', undefined],
  ['bullmq', TEST_REDIS_URL],
])('QueueDriver contract (%s)', (_driverName, redisUrl) => {
  const filePrefix = uniquePrefix('queue');
  const open: QueueDriver[] = [];
  let prefix = '';
  let testIndex = 0;

  /** A driver on this test's own prefix; two of them behave like two processes. */
  function driver(options: Partial<QueueDriverOptions> = {}): QueueDriver {
    const created = createQueueDriver({
      prefix,
      redisUrl,
      closeGraceMs: 2_000,
      abortGraceMs: 2_000,
      ...options,
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
    if (redisUrl) await deleteKeys(filePrefix);
  });

  it('delivers the id and a copy of the payload', async () => {
    const queue = driver();
    const payload = { runId: 'run-1', tenantId: 'tenant-1' };
    await queue.add(runs, { id: 'run-1', payload });
    const received = deferred<ReceivedJob<RunJobPayload>>();
    await queue.consume(runs, async (delivered) => received.resolve(delivered), { concurrency: 1 });

    const delivered = await received.promise;
    expect(delivered.id).toBe('run-1');
    expect(delivered.payload).toEqual(payload);
    expect(delivered.payload).not.toBe(payload);
    expect(delivered.attemptsMade).toBe(0);
    expect(delivered.signal.aborted).toBe(false);
    await waitFor(async () => (await queue.counts(runs)).completed === 1);
  });

  it('ignores an id that is already waiting, in add and in addBulk', async () => {
    const queue = driver();
    await queue.add(runs, job('run-a'));
    await queue.add(runs, job('run-a'));
    await queue.addBulk(runs, [job('run-a'), job('run-b'), job('run-b')]);
    expect(await queue.counts(runs)).toEqual({ waiting: 2, active: 0, delayed: 0, failed: 0, completed: 0 });

    const handled: string[] = [];
    await queue.consume(runs, async ({ id }) => void handled.push(id), { concurrency: 1 });
    await waitFor(async () => (await queue.counts(runs)).completed === 2);
    expect(handled).toEqual(['run-a', 'run-b']);
  });

  it('ignores an id that is active, and reports it with has', async () => {
    const queue = driver();
    const started = deferred();
    const finish = deferred();
    let deliveries = 0;
    await queue.consume(
      runs,
      async () => {
        deliveries += 1;
        started.resolve();
        await finish.promise;
      },
      { concurrency: 2 },
    );
    await queue.add(runs, job('run-a'));
    await started.promise;

    await queue.add(runs, job('run-a'));
    expect(await queue.has(runs, 'run-a')).toBe(true);
    expect(await queue.counts(runs)).toMatchObject({ waiting: 0, active: 1 });

    finish.resolve();
    await waitFor(async () => (await queue.counts(runs)).completed === 1);
    expect(await queue.has(runs, 'run-a')).toBe(false);
    expect(deliveries).toBe(1);
  });

  it('accepts an id again once its job completed or failed', async () => {
    const queue = driver();
    const deliveries: string[] = [];
    await queue.consume(
      runs,
      async ({ id }) => {
        deliveries.push(id);
        if (id === 'run-fails' && deliveries.filter((d) => d === id).length === 1)
          throw new Error('provider down');
      },
      { concurrency: 1 },
    );
    await queue.addBulk(runs, [job('run-ok'), job('run-fails')]);
    await waitFor(async () => {
      const counts = await queue.counts(runs);
      return counts.completed === 1 && counts.failed === 1;
    });

    await queue.addBulk(runs, [job('run-ok'), job('run-fails')]);
    await waitFor(async () => (await queue.counts(runs)).completed === 2);
    expect(deliveries.sort()).toEqual(['run-fails', 'run-fails', 'run-ok', 'run-ok']);
    expect(await queue.counts(runs)).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 2 });
  });

  it('fails a job whose handler throws, without retrying it, and goes on', async () => {
    const queue = driver();
    const deliveries: string[] = [];
    await queue.consume(
      runs,
      async ({ id }) => {
        deliveries.push(id);
        if (id === 'run-bad') throw new Error('bad input');
      },
      { concurrency: 1 },
    );
    await queue.add(runs, job('run-bad'));
    await queue.add(runs, job('run-good'));
    await waitFor(async () => (await queue.counts(runs)).completed === 1);

    expect(await queue.counts(runs)).toMatchObject({ failed: 1, completed: 1, waiting: 0, active: 0 });
    expect(await queue.has(runs, 'run-bad')).toBe(false);
    expect(deliveries).toEqual(['run-bad', 'run-good']);
  });

  it('holds a delayed job back until its delay passed', async () => {
    const queue = driver();
    await queue.add(runs, job('run-later', { delayMs: 1_000 }));
    await queue.add(runs, job('run-now'));
    await queue.add(runs, job('run-later'));
    expect(await queue.counts(runs)).toMatchObject({ delayed: 1, waiting: 1 });
    expect(await queue.has(runs, 'run-later')).toBe(true);

    const handled: string[] = [];
    await queue.consume(runs, async ({ id }) => void handled.push(id), { concurrency: 1 });
    await waitFor(() => handled.length === 2);
    expect(handled).toEqual(['run-now', 'run-later']);
  });

  it('takes jobs without priority first, then the lowest priority number', async () => {
    const queue = driver();
    await queue.addBulk(runs, [
      job('run-p5', { priority: 5 }),
      job('run-none-1'),
      job('run-p1', { priority: 1 }),
      job('run-none-2'),
      job('run-p5-later', { priority: 5 }),
    ]);
    const handled: string[] = [];
    await queue.consume(runs, async ({ id }) => void handled.push(id), { concurrency: 1 });
    await waitFor(() => handled.length === 5);
    expect(handled).toEqual(['run-none-1', 'run-none-2', 'run-p1', 'run-p5', 'run-p5-later']);
  });

  it('never runs more handlers at once than the concurrency', async () => {
    const queue = driver();
    const gate = deferred();
    let active = 0;
    let mostActive = 0;
    let started = 0;
    await queue.consume(
      runs,
      async () => {
        started += 1;
        active += 1;
        mostActive = Math.max(mostActive, active);
        await gate.promise;
        await sleep(5);
        active -= 1;
      },
      { concurrency: 3 },
    );
    await queue.addBulk(
      runs,
      Array.from({ length: 10 }, (_, i) => job(`run-${i}-x`)),
    );
    await waitFor(() => started === 3);
    await sleep(200);
    expect(started).toBe(3);
    expect(await queue.counts(runs)).toMatchObject({ active: 3, waiting: 7 });

    gate.resolve();
    await waitFor(async () => (await queue.counts(runs)).completed === 10);
    expect(mostActive).toBe(3);
  });

  it('shares a queue between drivers with the same prefix', async () => {
    const producer = driver();
    const worker = driver();
    const received = deferred<string>();
    await worker.consume(runs, async ({ id }) => received.resolve(id), { concurrency: 1 });
    await producer.add(runs, job('run-shared'));
    expect(await received.promise).toBe('run-shared');
  });

  it('lets close wait for active handlers and take no new jobs', async () => {
    const queue = driver();
    const started = deferred();
    const finish = deferred();
    let deliveries = 0;
    const consumer = await queue.consume(
      runs,
      async () => {
        deliveries += 1;
        started.resolve();
        await finish.promise;
      },
      { concurrency: 1 },
    );
    await queue.add(runs, job('run-a'));
    await started.promise;

    let closed = false;
    const closing = consumer.close().then(() => (closed = true));
    await queue.add(runs, job('run-b'));
    await sleep(100);
    expect(closed).toBe(false);

    finish.resolve();
    await closing;
    expect(deliveries).toBe(1);
    expect(await queue.counts(runs)).toMatchObject({ completed: 1, waiting: 1, active: 0 });
  });

  it('aborts handlers after the grace period and hands their jobs to another consumer', async () => {
    const queue = driver({ closeGraceMs: 100, abortGraceMs: 2_000 });
    const started = deferred();
    const reasons: unknown[] = [];
    const closing = await queue.consume(
      runs,
      async ({ signal }) => {
        started.resolve();
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        reasons.push(signal.reason);
        throw new Error('aborted');
      },
      { concurrency: 1 },
    );
    await queue.add(runs, job('run-a'));
    await started.promise;
    await closing.close();

    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toBeInstanceOf(ConsumerClosedError);
    expect(await queue.counts(runs)).toMatchObject({ waiting: 1, failed: 0 });
    expect(await queue.has(runs, 'run-a')).toBe(true);

    const redelivered = deferred<number>();
    await queue.consume(runs, async ({ attemptsMade }) => redelivered.resolve(attemptsMade), {
      concurrency: 1,
    });
    expect(await redelivered.promise).toBe(1);
  });

  it('abandons a handler that ignores the abort and hands its job to another consumer', async () => {
    const queue = driver({ closeGraceMs: 50, abortGraceMs: 100 });
    const started = deferred();
    const closing = await queue.consume(
      runs,
      async () => {
        started.resolve();
        await new Promise(() => undefined);
      },
      { concurrency: 1 },
    );
    await queue.add(runs, job('run-stuck'));
    await started.promise;
    await closing.close();

    const redelivered = deferred<ReceivedJob<RunJobPayload>>();
    await queue.consume(runs, async (delivered) => redelivered.resolve(delivered), { concurrency: 1 });
    expect((await redelivered.promise).attemptsMade).toBe(1);
    await waitFor(async () => (await queue.counts(runs)).completed === 1);
  });

  it('completes a job whose handler still resolves after the abort', async () => {
    const queue = driver({ closeGraceMs: 50 });
    const started = deferred();
    const consumer = await queue.consume(
      runs,
      async ({ signal }) => {
        started.resolve();
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
      },
      { concurrency: 1 },
    );
    await queue.add(runs, job('run-a'));
    await started.promise;
    await consumer.close();
    expect(await queue.counts(runs)).toMatchObject({ completed: 1, waiting: 0 });
  });

  it('closes a driver with its consumers and rejects further use', async () => {
    const queue = driver();
    await queue.ping();
    const finish = deferred();
    const started = deferred();
    await queue.consume(
      runs,
      async () => {
        started.resolve();
        await finish.promise;
      },
      { concurrency: 1 },
    );
    await queue.add(runs, job('run-a'));
    await started.promise;
    const closing = queue.close();
    finish.resolve();
    await closing;

    await expect(queue.add(runs, job('run-b'))).rejects.toThrow('closed');
    await expect(queue.ping()).rejects.toThrow('closed');
    await expect(queue.has(runs, 'run-b')).rejects.toThrow('closed');
    await expect(queue.counts(runs)).rejects.toThrow('closed');
    await expect(queue.consume(runs, async () => undefined, { concurrency: 1 })).rejects.toThrow('closed');
    await queue.close();
  });

  it.each([
    ['an empty id', job(''), 'non-empty'],
    ['an integer id', job('42'), 'integer'],
    ['an id with a colon', job('run:1'), 'contain'],
    ['a negative delay', job('run-a', { delayMs: -1 }), 'delayMs'],
    ['a fractional priority', job('run-a', { priority: 1.5 }), 'priority'],
    ['a priority beyond the limit', job('run-a', { priority: 2 ** 21 }), 'priority'],
    ['a payload that is not JSON', { id: 'run-a', payload: undefined as unknown as RunJobPayload }, 'JSON'],
  ])('rejects %s', async (_case, invalid, message) => {
    const queue = driver();
    await expect(queue.addBulk(runs, [job('run-a'), invalid])).rejects.toThrow(message);
    expect(await queue.has(runs, 'run-a')).toBe(false);
  });

  it.each([0, 1.5])('rejects concurrency %p', async (concurrency) => {
    await expect(driver().consume(runs, async () => undefined, { concurrency })).rejects.toThrow(
      'concurrency',
    );
  });
});
