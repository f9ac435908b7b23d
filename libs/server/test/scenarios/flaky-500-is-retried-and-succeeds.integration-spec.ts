import { type RunnerHarness, TEST_OPENAI_KEY, startRunnerHarness } from '../runner-harness';

describe('a provider 500 that happens once', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness();
  });
  afterAll(() => h.close());

  it('is retried and the run succeeds, with both attempts stored and two calls made', async () => {
    const prompt = h.prompt('flaky', '[[fail:once:500]]');
    const run = await h.createRun(prompt);

    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('succeeded');
    expect(done.output?.text).toMatch(/^flaky-/);
    expect(done.error).toBeNull();
    expect(done.attempts).toHaveLength(2);
    expect(done.attempts[0]).toMatchObject({ number: 1, errorCode: 'E_SERVER_ERROR', httpStatus: 500 });
    expect(done.attempts[1]).toMatchObject({ number: 2, errorCode: null, httpStatus: 200 });
    expect(done.attempts[1].usage?.totalTokens).toBeGreaterThan(0);
    expect(h.callsFor(prompt)).toBe(2);
    expect(h.mock.duplicates()).toEqual([expect.objectContaining({ count: 2 })]);

    const metrics = await h.runtime.metrics.render();
    expect(metrics).toMatch(/gtr_provider_calls_total\{provider="openai",outcome="E_SERVER_ERROR"[^}]*\} 1/);
    expect(metrics).toMatch(/gtr_provider_calls_total\{provider="openai",outcome="ok"[^}]*\} 1/);
    expect(metrics).toMatch(
      /gtr_runs_finished_total\{status="succeeded",error_code="",provider="openai"[^}]*\} 1/,
    );
    expect(h.nodes[0].logs.join('')).toContain('attempt failed; retry scheduled');
    expect(h.nodes[0].logs.join('')).not.toContain(TEST_OPENAI_KEY);
  });
});
