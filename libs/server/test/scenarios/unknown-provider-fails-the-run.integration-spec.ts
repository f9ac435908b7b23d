import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

describe('a run naming a provider this worker does not have', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness();
  });
  afterAll(() => h.close());

  it('fails at once with E_CONFIG_PROVIDER instead of staying running', async () => {
    const run = await h.createRun(h.prompt('nowhere'), { provider: 'retired-provider' });

    const done = await h.waitForStatus(run.id, ['failed', 'succeeded'], 5_000);

    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('E_CONFIG_PROVIDER');
    expect(done.error?.message).toContain('retired-provider');
    expect(done.attempts).toEqual([
      expect.objectContaining({ number: 1, errorCode: 'E_CONFIG_PROVIDER', httpStatus: null }),
    ]);
    expect(h.mock.stats().totalRequests).toBe(0);
  });
});
