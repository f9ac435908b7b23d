import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

describe('a provider that enforces 120 requests per minute per second (2 in any second)', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    // No limit is configured in gtr: it learns the limit from the first answer's headers.
    h = await startRunnerHarness({ redis: true, mock: { rpm: 120, limitWindow: 'second' } });
    await h.addNode();
  });
  afterAll(() => h.close());

  it('gets every run answered by two workers without a single 429, waiting for the limiter instead', async () => {
    const runs = [];
    for (let i = 0; i < 10; i++) runs.push(await h.createRun(h.prompt(`paced-${i}`)));
    const done = await Promise.all(runs.map((r) => h.waitForStatus(r.id, ['succeeded', 'failed'], 30_000)));

    expect(done.map((r) => r.status)).toEqual(runs.map(() => 'succeeded'));
    expect(h.mock.stats().chatCompletions.rateLimited).toBe(0);
    expect(done.every((r) => r.attempts.length === 1)).toBe(true);
    const waits = done.map((r) => r.attempts[0].rateLimitWaitMs);
    expect(Math.max(...waits)).toBeGreaterThan(1000);
    // Ten calls at two a second take 4.5 s at best: more than the default test timeout.
  }, 30_000);
});
