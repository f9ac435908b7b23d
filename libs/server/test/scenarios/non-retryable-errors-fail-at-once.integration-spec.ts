import { QueueName } from '@gtr/queue';
import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

describe('errors that no retry can fix', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({ env: { GTR_MAX_ATTEMPTS: '5' } });
  });
  afterAll(() => h.close());

  it.each([
    ['quota exhausted', '[[fail:quota]]', 'E_QUOTA', 429],
    ['context length exceeded', '[[fail:context]]', 'E_CONTEXT_LENGTH', 400],
    ['content filtered', '[[fail:filter]]', 'E_CONTENT_FILTER', 200],
  ])('%s fails the run at the first attempt', async (_name, marker, code, httpStatus) => {
    const prompt = h.prompt('final', marker);
    const run = await h.createRun(prompt);

    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe(code);
    expect(done.attempts).toEqual([expect.objectContaining({ number: 1, errorCode: code, httpStatus })]);
    expect(done.output).toBeNull();
    expect(h.callsFor(prompt)).toBe(1);
  });

  it('a rejected API key fails at once with E_AUTH, and the key shows in no error or log line', async () => {
    const wrongKey = 'sk-wrong-0123456789abcdefghijklmnopqrstuv';
    const node = await h.addNode({ prefix: `${h.prefix}-auth`, env: { OPENAI_API_KEY: wrongKey } });
    const prompt = h.prompt('auth');
    const run = await h.createRun(prompt, {}, { enqueue: false });
    await node.runtime.queue.add(QueueName.Runs, {
      id: run.id,
      payload: { runId: run.id, tenantId: h.tenantId },
    });

    const done = await h.waitForStatus(run.id, ['succeeded', 'failed']);

    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('E_AUTH');
    expect(done.attempts).toEqual([expect.objectContaining({ errorCode: 'E_AUTH', httpStatus: 401 })]);
    expect(JSON.stringify(done)).not.toContain(wrongKey);
    expect(node.logs.join('')).toContain('run failed');
    expect(node.logs.join('')).not.toContain(wrongKey);
  });
});
