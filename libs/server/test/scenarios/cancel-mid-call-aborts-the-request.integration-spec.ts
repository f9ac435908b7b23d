import { QueueName } from '@gtr/queue';
import { type RunnerHarness, startRunnerHarness } from '../runner-harness';
import { waitFor } from '../wait-for';

describe.each([
  ['in-process queue and events', false],
  ['BullMQ and Redis pub/sub', true],
])('cancelling a run (%s)', (_driver, redis) => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({
      redis,
      mock: { faultRetryAfterMs: 400 },
      env: { GTR_RUN_TIMEOUT_MS: '30000' },
    });
  });
  afterAll(() => h.close());

  it('aborts the provider request at once and the run stays cancelled with no attempt', async () => {
    const prompt = h.prompt('cancel', '[[fail:hang]]');
    const run = await h.createRun(prompt);
    await h.waitForStatus(run.id, ['running']);
    await waitFor(() => (h.mock.stats().inFlight === 1 ? true : undefined));

    const cancelled = await h.cancel(run.id);
    expect(cancelled?.status).toBe('cancelled');

    // Well below the 30 s attempt timeout: only the cancel message can have ended the request.
    await waitFor(() => (h.mock.stats().inFlight === 0 ? true : undefined), { timeoutMs: 1_000 });
    await h.waitForIdle();
    const after = await h.detail(run.id);
    expect(after.status).toBe('cancelled');
    expect(after.error?.code).toBe('E_CANCELLED');
    expect(after.attempts).toEqual([]);
    expect(h.mock.stats().chatCompletions).toMatchObject({ aborted: 1, ok: 0 });
    expect(h.callsFor(prompt)).toBe(1);
  });

  it('cancels a run waiting for its retry: the retry job finds nothing to do', async () => {
    const prompt = h.prompt('cancel-backoff', '[[fail:once:429]]');
    const run = await h.createRun(prompt);
    await h.waitForStatus(run.id, ['retrying']);
    // The run is `retrying` in Postgres a moment before its delayed job is added.
    await waitFor(async () =>
      (await h.runtime.queue.has(QueueName.Runs, `${run.id}_2`)) ? true : undefined,
    );

    expect((await h.cancel(run.id))?.status).toBe('cancelled');

    // The delayed job comes due after the retry-after and is skipped.
    await waitFor(async () =>
      (await h.runtime.queue.has(QueueName.Runs, `${run.id}_2`)) ? undefined : true,
    );
    await h.waitForIdle();
    const after = await h.detail(run.id);
    expect(after.status).toBe('cancelled');
    expect(after.attempts.map((a) => a.errorCode)).toEqual(['E_RATE_LIMIT']);
    expect(h.callsFor(prompt)).toBe(1);
  });
});
