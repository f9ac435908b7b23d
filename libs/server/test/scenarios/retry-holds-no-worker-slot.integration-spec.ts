import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

describe('a run waiting for its retry', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({
      mock: { faultRetryAfterMs: 1_500 },
      env: { GTR_WORKER_CONCURRENCY: '1' },
    });
  });
  afterAll(() => h.close());

  it('does not hold the only worker slot: another run completes during its backoff', async () => {
    const slowPrompt = h.prompt('backoff', '[[fail:once:429]]');
    const slow = await h.createRun(slowPrompt);
    await h.waitForStatus(slow.id, ['retrying']);

    // Another model: the 429 paused the first model's rate-limit key for everyone, as it should.
    const other = await h.createRun(h.prompt('meanwhile'), { model: 'gpt-4o' });
    const otherDone = await h.waitForStatus(other.id, ['succeeded', 'failed']);

    expect(otherDone.status).toBe('succeeded');
    expect((await h.detail(slow.id)).status).toBe('retrying');
    const slowDone = await h.waitForStatus(slow.id, ['succeeded', 'failed']);
    expect(slowDone.status).toBe('succeeded');
    expect(slowDone.attempts.map((a) => a.errorCode)).toEqual(['E_RATE_LIMIT', null]);
    expect(Date.parse(slowDone.attempts[1].startedAt)).toBeGreaterThan(
      Date.parse(otherDone.finishedAt as string),
    );
  });
});
