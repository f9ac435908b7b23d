import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

describe('the opt-in response cache', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness();
  });
  afterAll(() => h.close());

  it('answers a repeated run from the cache: cached, zero cost, no second provider call', async () => {
    const prompt = h.prompt('cached');
    const first = await h.createRun(prompt, { cacheTtlSeconds: 600 });
    const done = await h.waitForStatus(first.id, ['succeeded', 'failed']);
    expect(done).toMatchObject({ status: 'succeeded', cached: false });

    const second = await h.createRun(prompt, { cacheTtlSeconds: 600 });
    const hit = await h.waitForStatus(second.id, ['succeeded', 'failed']);

    expect(hit).toMatchObject({ status: 'succeeded', cached: true, costUsd: 0 });
    expect(hit.output?.text).toBe(done.output?.text);
    expect(hit.attempts).toHaveLength(1);
    expect(hit.attempts[0].httpStatus).toBeNull();
    expect(h.callsFor(prompt)).toBe(1);
  });

  it('calls the provider for a run that did not opt in, or with other params', async () => {
    const prompt = h.prompt('uncached');
    await h.waitForStatus((await h.createRun(prompt, { cacheTtlSeconds: 600 })).id, ['succeeded']);
    const plain = await h.createRun(prompt);
    const warmer = await h.createRun(prompt, { cacheTtlSeconds: 600, params: { temperature: 0 } });
    expect((await h.waitForStatus(plain.id, ['succeeded'])).cached).toBe(false);
    expect((await h.waitForStatus(warmer.id, ['succeeded'])).cached).toBe(false);
    expect(h.callsFor(prompt)).toBe(3);
  });
});
