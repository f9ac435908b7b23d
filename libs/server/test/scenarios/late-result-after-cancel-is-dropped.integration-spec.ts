import { type RunnerHarness, startRunnerHarness } from '../runner-harness';
import { waitFor } from '../wait-for';

// The cancel reaches Postgres but its control message is lost (no publish): the call runs to
// its end, and the guarded write must not bring the run back to life.
describe('a call that finishes after its run was cancelled', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({ mock: { latencyMs: 300 } });
  });
  afterAll(() => h.close());

  it.each([
    ['an answer', ''],
    ['a retryable error', '[[fail:500]]'],
    ['a final error', '[[fail:context]]'],
  ])('drops %s: the run stays cancelled and no attempt is stored', async (_what, marker) => {
    const prompt = h.prompt('late', marker);
    const run = await h.createRun(prompt);
    await waitFor(() => (h.callsFor(prompt) === 1 ? true : undefined));

    await h.runtime.repositories.runs.cancel(h.tenantId, run.id);
    await h.waitForIdle();

    const after = await h.detail(run.id);
    expect(after.status).toBe('cancelled');
    expect(after.attempts).toEqual([]);
    expect(after.output).toBeNull();
    expect(h.callsFor(prompt)).toBe(1);
  });
});
