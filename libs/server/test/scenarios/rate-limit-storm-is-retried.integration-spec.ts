import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

const RETRY_AFTER_MS = 150;

describe.each([
  ['in-process queue', false],
  ['BullMQ on Redis', true],
])('a burst of 429s (%s)', (_driver, redis) => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({
      redis,
      mock: { faultRetryAfterMs: RETRY_AFTER_MS },
      env: { GTR_MAX_ATTEMPTS: '5' },
    });
  });
  afterAll(() => h.close());

  it('is retried after the retry-after each time, and the run succeeds on the 4th attempt', async () => {
    const prompt = h.prompt('storm', '[[fail:3x:429]]');
    const run = await h.createRun(prompt);

    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('succeeded');
    expect(done.attempts.map((a) => [a.number, a.errorCode, a.httpStatus])).toEqual([
      [1, 'E_RATE_LIMIT', 429],
      [2, 'E_RATE_LIMIT', 429],
      [3, 'E_RATE_LIMIT', 429],
      [4, null, 200],
    ]);
    expect(h.callsFor(prompt)).toBe(4);
    // The backoff (20 ms base) is shorter than retry-after: each wait must be the mock's ask.
    const rows = await h.attempts(run.id);
    for (let i = 1; i < rows.length; i++) {
      const gap = rows[i].startedAt.getTime() - (rows[i - 1].finishedAt as Date).getTime();
      expect(gap).toBeGreaterThanOrEqual(RETRY_AFTER_MS);
    }
  });
});
