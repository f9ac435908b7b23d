import { QueueName } from '@gtr/queue';
import { deleteKeys } from '../redis-test-keys';
import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

describe('recovery by the reconciler (BullMQ on Redis)', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({ redis: true, start: false });
  });
  afterAll(() => h.close());
  afterEach(() => h.worker.stop());

  it('releases a run whose worker died mid-call and finishes it exactly once', async () => {
    const prompt = h.prompt('orphan');
    const run = await h.createRun(prompt, {}, { enqueue: false });
    // The dead worker: it claimed the run (its job is gone with it) and never came back.
    const claim = await h.runtime.repositories.execution.claim(run.id, 'dead-worker');
    expect(claim?.attemptNumber).toBe(1);
    await h.runtime.dataSource.query(`UPDATE runs SET claimed_at = now() - interval '1 hour' WHERE id = $1`, [
      run.id,
    ]);
    await h.worker.start();
    expect((await h.detail(run.id)).status).toBe('running');

    expect(await h.worker.reconcileNow()).toBe(1);
    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('succeeded');
    expect(await h.attempts(run.id)).toEqual([
      expect.objectContaining({ number: 2, workerId: 'worker-1', errorCode: null }),
    ]);
    expect(h.callsFor(prompt)).toBe(1);
    expect(await h.worker.reconcileNow()).toBe(0);
  });

  it('leaves a claim younger than the stale limit alone', async () => {
    const run = await h.createRun(h.prompt('alive'), {}, { enqueue: false });
    await h.runtime.repositories.execution.claim(run.id, 'busy-worker');

    expect(await h.worker.reconcileNow()).toBe(0);
    expect((await h.detail(run.id)).status).toBe('running');
  });

  it('enqueues again a queued run whose job Redis lost, and it runs once', async () => {
    const prompt = h.prompt('lost');
    const run = await h.createRun(prompt);
    expect(await h.runtime.queue.has(QueueName.Runs, run.id)).toBe(true);
    await deleteKeys(h.prefix);
    expect(await h.runtime.queue.has(QueueName.Runs, run.id)).toBe(false);
    await h.runtime.dataSource.query(`UPDATE runs SET queued_at = now() - interval '1 hour' WHERE id = $1`, [
      run.id,
    ]);
    await h.worker.start();

    // Two reconcilers at once (two workers): the deduplicated job id keeps it one job.
    const repaired = await Promise.all([h.worker.reconcileNow(), h.worker.reconcileNow()]);
    expect(repaired.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('succeeded');
    expect(done.attempts).toHaveLength(1);
    expect(h.callsFor(prompt)).toBe(1);
    await h.waitForIdle();
    expect(await h.worker.reconcileNow()).toBe(0);
    expect(h.nodes[0].logs.join('')).toContain('queued run missing from the queue; enqueued again');
  });
});
