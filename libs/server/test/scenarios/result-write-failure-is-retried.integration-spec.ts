import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

describe('a database error while storing a paid-for result', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness();
  });
  afterAll(() => h.close());
  afterEach(() => jest.restoreAllMocks());

  it('writes the result again instead of leaving the run running or calling the provider twice', async () => {
    const execution = h.runtime.repositories.execution;
    const recordSuccess = jest
      .spyOn(execution, 'recordSuccess')
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const prompt = h.prompt('blip');
    const run = await h.createRun(prompt);

    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('succeeded');
    expect(done.attempts).toHaveLength(1);
    expect(recordSuccess).toHaveBeenCalledTimes(2);
    expect(h.callsFor(prompt)).toBe(1);
  });

  it('retries a failed-attempt write the same way', async () => {
    jest
      .spyOn(h.runtime.repositories.execution, 'recordFailure')
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const run = await h.createRun(h.prompt('blip-fail', '[[fail:context]]'));

    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('failed');
    expect(done.attempts).toEqual([expect.objectContaining({ errorCode: 'E_CONTEXT_LENGTH' })]);
  });

  it('leaves the run to the reconciler when the database stays down, which then finishes it', async () => {
    const recordSuccess = jest
      .spyOn(h.runtime.repositories.execution, 'recordSuccess')
      .mockRejectedValue(new Error('Connection refused'));
    const prompt = h.prompt('down');
    const run = await h.createRun(prompt);
    await h.waitForIdle();
    expect(recordSuccess).toHaveBeenCalledTimes(3);
    expect((await h.detail(run.id)).status).toBe('running');
    expect(h.nodes[0].logs.join('')).toContain('the run stays running until the reconciler recovers it');

    recordSuccess.mockRestore();
    await h.runtime.dataSource.query(`UPDATE runs SET claimed_at = now() - interval '1 hour' WHERE id = $1`, [
      run.id,
    ]);
    expect(await h.worker.reconcileNow()).toBe(1);
    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('succeeded');
    expect(done.attempts).toEqual([expect.objectContaining({ number: 2 })]);
    // At least once, never silently lost: the second call is the price of the outage.
    expect(h.callsFor(prompt)).toBe(2);
  });
});
