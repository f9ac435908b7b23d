import { type JobToAdd, type QueueDriver, type QueueName, type RunJobPayload } from '@gtr/queue';
import { capturingLogger } from '../../test/capturing-logger';
import { enqueueBatchRuns } from './enqueue-batch-runs';

function fakeQueue(fail = false) {
  const added: JobToAdd<RunJobPayload>[] = [];
  const queue = {
    addBulk: jest.fn(async (_name: QueueName, jobs: JobToAdd<RunJobPayload>[]) => {
      if (fail) throw new Error('redis is down');
      added.push(...jobs);
    }),
  };
  return { queue: queue as unknown as QueueDriver, added, addBulk: queue.addBulk };
}

describe('enqueueBatchRuns', () => {
  const { logger, lines } = capturingLogger('enqueue-batch-runs-spec');

  it("gives every job its next attempt's id, the batch priority and cap, and a retry's delay", async () => {
    const { queue, added } = fakeQueue();
    await enqueueBatchRuns({ queue, logger }, 't1', { id: 'b1', priority: 999, concurrency: 4 }, [
      { runId: 'r1', attemptCount: 0 },
      { runId: 'r2', attemptCount: 2, delayMs: 1_500 },
    ]);
    expect(added).toEqual([
      {
        id: 'r1',
        payload: { runId: 'r1', tenantId: 't1', batch: { id: 'b1', concurrency: 4 } },
        priority: 1,
      },
      {
        id: 'r2_3',
        payload: { runId: 'r2', tenantId: 't1', batch: { id: 'b1', concurrency: 4 } },
        priority: 1,
        delayMs: 1_500,
      },
    ]);
  });

  it('sends no cap for an uncapped batch and nothing for no runs', async () => {
    const { queue, added, addBulk } = fakeQueue();
    await enqueueBatchRuns({ queue, logger }, 't1', { id: 'b1', priority: 0, concurrency: null }, []);
    expect(addBulk).not.toHaveBeenCalled();
    await enqueueBatchRuns({ queue, logger }, 't1', { id: 'b1', priority: 0, concurrency: null }, [
      { runId: 'r1', attemptCount: 0 },
    ]);
    expect(added[0].payload).toEqual({ runId: 'r1', tenantId: 't1' });
  });

  it('logs a failed enqueue instead of throwing: the runs are in Postgres for the reconciler', async () => {
    const { queue } = fakeQueue(true);
    await enqueueBatchRuns({ queue, logger }, 't1', { id: 'b1', priority: 0, concurrency: null }, [
      { runId: 'r1', attemptCount: 0 },
    ]);
    expect(lines.join('')).toContain('batch enqueue failed');
  });
});
