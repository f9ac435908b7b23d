import { QueueName } from '@gtr/queue';
import { type RunnerHarness, startRunnerHarness } from '../runner-harness';
import { waitFor } from '../wait-for';

describe.each([
  ['in-process queue', false],
  ['BullMQ on Redis', true],
])('a worker stopping while a call is in flight (%s)', (_driver, redis) => {
  let h: RunnerHarness;
  beforeAll(async () => {
    // The stopping worker waits 200 ms for its calls (harness default), far less than the timeout.
    h = await startRunnerHarness({ redis, env: { GTR_RUN_TIMEOUT_MS: '30000' } });
  });
  afterAll(() => h.close());

  it('aborts the call, hands the run back to the queue untouched, and another worker finishes it', async () => {
    const prompt = h.prompt('handover', '[[fail:once:hang]]');
    const run = await h.createRun(prompt);
    await waitFor(() => (h.mock.stats().inFlight === 1 ? true : undefined));

    await h.worker.stop();

    // Not cancelled, not failed: queued again, with no attempt recorded and a job to take it.
    const released = await h.detail(run.id);
    expect(released.status).toBe('queued');
    expect(released.attempts).toEqual([]);
    expect(released.error).toBeNull();
    expect(await h.runtime.queue.has(QueueName.Runs, `${run.id}_2`)).toBe(true);
    await waitFor(() => (h.mock.stats().inFlight === 0 ? true : undefined), { timeoutMs: 2_000 });

    await h.addNode();
    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('succeeded');
    expect(await h.attempts(run.id)).toEqual([expect.objectContaining({ number: 2, workerId: 'worker-2' })]);
    expect(h.callsFor(prompt)).toBe(2);
  });

  it('lets a call that ends within the grace period finish on the stopping worker', async () => {
    h.mock.configure({ latencyMs: 50 });
    const worker = h.nodes[h.nodes.length - 1];
    const run = await h.createRun(h.prompt('drain'));
    await waitFor(() => (h.mock.stats().inFlight === 1 ? true : undefined));

    await worker.worker.stop();

    const done = await h.detail(run.id);
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toHaveLength(1);
  });
});
