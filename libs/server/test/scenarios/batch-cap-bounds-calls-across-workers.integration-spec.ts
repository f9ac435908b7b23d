import { BatchesRepository } from '@gtr/data';
import { QueueName } from '@gtr/queue';
import { runJobOf } from '../../src';
import { type RunnerHarness, startRunnerHarness } from '../runner-harness';

const RUNS = 24;
const CAP = 3;

describe("a batch's concurrency cap, two workers with 4 slots each", () => {
  let h: RunnerHarness;
  beforeAll(async () => {
    h = await startRunnerHarness({ redis: true, mock: { latencyMs: 60 } });
    await h.addNode();
  });
  afterAll(() => h.close());

  it('never has more than the cap in flight at the provider, and runs every row once', async () => {
    const batches = new BatchesRepository(h.runtime.dataSource);
    const prompts = Array.from({ length: RUNS }, (_, i) => h.prompt(`cap${i}`));
    const created = await batches.createWithRuns(
      h.tenantId,
      { concurrency: CAP },
      prompts.map((prompt) => ({
        provider: 'openai',
        model: 'gpt-4o-mini',
        messages: [{ role: 'user' as const, content: prompt }],
        params: {},
        metadata: {},
        maxAttempts: 3,
        timeoutMs: 10_000,
      })),
    );
    const batch = { id: created.batchId, concurrency: CAP };
    // Half the jobs through each node's queue client: the cap is the batch's, not a process's.
    await Promise.all(
      created.runs.map((run, i) =>
        h.nodes[i % 2].runtime.queue.add(
          QueueName.Runs,
          runJobOf({ runId: run.id, tenantId: h.tenantId, batch }, 1),
        ),
      ),
    );

    const done = await Promise.all(
      created.runs.map((run) => h.waitForStatus(run.id, ['succeeded', 'failed'])),
    );

    expect(done.map((run) => run.status)).toEqual(created.runs.map(() => 'succeeded'));
    expect(h.mock.stats().maxInFlight).toBe(CAP);
    expect(h.mock.duplicates()).toEqual([]);
    const workers = new Set<string | null>();
    for (const run of created.runs)
      for (const attempt of await h.attempts(run.id)) workers.add(attempt.workerId);
    expect([...workers].sort()).toEqual(['worker-1', 'worker-2']);
  });
});
