import { type RunnerHarness, startRunnerHarness } from '../runner-harness';
import { waitFor } from '../wait-for';

describe('a provider that never answers', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({ env: { GTR_RUN_TIMEOUT_MS: '250', GTR_MAX_ATTEMPTS: '3' } });
  });
  afterAll(() => h.close());

  it('times out every attempt, is retried up to maxAttempts, then fails with E_TIMEOUT', async () => {
    const prompt = h.prompt('hang', '[[fail:hang]]');
    const run = await h.createRun(prompt);

    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('E_TIMEOUT');
    expect(done.attempts.map((a) => [a.number, a.errorCode, a.httpStatus])).toEqual([
      [1, 'E_TIMEOUT', null],
      [2, 'E_TIMEOUT', null],
      [3, 'E_TIMEOUT', null],
    ]);
    expect(done.attempts.every((a) => (a.latencyMs ?? 0) >= 200)).toBe(true);
    expect(h.callsFor(prompt)).toBe(3);
    // Each timed-out request was really aborted, not left open on the provider.
    await waitFor(() => (h.mock.stats().inFlight === 0 ? true : undefined), { timeoutMs: 2_000 });
    expect(h.mock.stats().chatCompletions.aborted).toBe(3);
  });
});
