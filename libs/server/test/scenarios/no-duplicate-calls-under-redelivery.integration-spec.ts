import { QueueName } from '@gtr/queue';
import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

const RUNS = 30;

describe('two workers on one Redis queue, every job delivered twice', () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({ redis: true, mock: { latencyMs: 25 } });
    await h.addNode();
  });
  afterAll(() => h.close());

  it('calls the provider once per run: one attempt each, no duplicate prompt, both workers used', async () => {
    const prompts = Array.from({ length: RUNS }, (_, i) => h.prompt(`dup${i}`));
    const runs = await Promise.all(prompts.map((prompt) => h.createRun(prompt, {}, { enqueue: false })));
    // Each run gets its own job and a second job with another id (a redelivery, a reconciler
    // racing the api): the queue cannot deduplicate them, only the guarded claim can.
    for (const run of runs) {
      await h.enqueue(run.id);
      await h.nodes[1].runtime.queue.add(QueueName.Runs, {
        id: `${run.id}_again`,
        payload: { runId: run.id, tenantId: h.tenantId },
      });
    }

    const done = await Promise.all(runs.map((run) => h.waitForStatus(run.id, ['succeeded', 'failed'])));
    await h.waitForIdle();

    expect(done.every((run) => run.status === 'succeeded')).toBe(true);
    expect(done.map((run) => run.attempts.length)).toEqual(runs.map(() => 1));
    expect(h.mock.duplicates()).toEqual([]);
    expect(h.mock.stats().chatCompletions.ok).toBe(RUNS);
    const workers = new Set<string | null>();
    for (const run of runs) for (const attempt of await h.attempts(run.id)) workers.add(attempt.workerId);
    expect([...workers].sort()).toEqual(['worker-1', 'worker-2']);
  });
});
