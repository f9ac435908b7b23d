import { type RunExecutionRepository, type RunRef, type StaleRun } from '@gtr/data';
import { type QueueDriver } from '@gtr/queue';
import { capturingLogger } from '../../test/capturing-logger';
import { waitFor } from '../../test/wait-for';
import { RunReconciler, type RunReconcilerOptions } from './run-reconciler';

const OPTIONS: RunReconcilerOptions = {
  intervalMs: 10,
  queuedGraceMs: 30_000,
  staleRunningMs: 90_000,
  batchSize: 50,
};

function fakes(state: {
  stale?: StaleRun[];
  queued?: RunRef[];
  releasable?: Set<string>;
  inQueue?: Set<string>;
}) {
  const added: string[] = [];
  const payloads: unknown[] = [];
  const execution = {
    findStaleRunning: jest.fn(async () => state.stale ?? []),
    findQueued: jest.fn(async () => state.queued ?? []),
    release: jest.fn(async (runId: string) => state.releasable?.has(runId) ?? false),
  };
  const queue = {
    has: jest.fn(async (_queue: string, jobId: string) => state.inQueue?.has(jobId) ?? false),
    add: jest.fn(async (_queue: string, job: { id: string; payload: unknown }) => {
      added.push(job.id);
      payloads.push(job.payload);
    }),
  };
  const { logger, lines } = capturingLogger('reconciler-spec');
  return {
    execution,
    queue,
    added,
    payloads,
    lines,
    reconciler: (options = OPTIONS) =>
      new RunReconciler(
        execution as unknown as RunExecutionRepository,
        queue as unknown as QueueDriver,
        logger,
        options,
      ),
  };
}

describe('RunReconciler.reconcile', () => {
  it('releases stale runs it still owns the claim of and enqueues their next attempt', async () => {
    const f = fakes({
      stale: [
        { runId: 'a', tenantId: 't', attemptCount: 1, claimedBy: 'w1', batch: null },
        { runId: 'b', tenantId: 't', attemptCount: 2, claimedBy: 'w2', batch: null },
      ],
      releasable: new Set(['a']),
    });

    expect(await f.reconciler().reconcile()).toBe(1);

    expect(f.execution.findStaleRunning).toHaveBeenCalledWith(90_000, 50);
    expect(f.execution.release).toHaveBeenCalledWith('a', 1);
    expect(f.execution.release).toHaveBeenCalledWith('b', 2);
    expect(f.added).toEqual(['a_2']);
  });

  it('enqueues due runs whose job is missing, and only those', async () => {
    const f = fakes({
      queued: [
        { runId: 'fresh', tenantId: 't', attemptCount: 0, batch: { id: 'b', concurrency: 3 } },
        { runId: 'retry', tenantId: 't', attemptCount: 1, batch: null },
        { runId: 'present', tenantId: 't', attemptCount: 0, batch: null },
      ],
      inQueue: new Set(['present']),
    });

    expect(await f.reconciler().reconcile()).toBe(2);

    expect(f.execution.findQueued).toHaveBeenCalledWith(30_000, 50);
    expect(f.queue.has.mock.calls.map((call) => call[1])).toEqual(['fresh', 'retry_2', 'present']);
    expect(f.added).toEqual(['fresh', 'retry_2']);
    // A capped batch's run keeps its cap in the new job.
    expect(f.payloads).toEqual([
      { runId: 'fresh', tenantId: 't', batch: { id: 'b', concurrency: 3 } },
      { runId: 'retry', tenantId: 't' },
    ]);
  });
});

describe('RunReconciler loop', () => {
  it('runs a pass every interval once started, and no more after stop', async () => {
    const f = fakes({});
    const reconciler = f.reconciler();
    reconciler.start();
    reconciler.start(); // a second start does not add a second loop

    await waitFor(() => (f.execution.findQueued.mock.calls.length >= 3 ? true : undefined));
    await reconciler.stop();
    const passes = f.execution.findQueued.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(f.execution.findQueued.mock.calls.length).toBe(passes);
  });

  it('logs a failed pass and keeps going', async () => {
    const f = fakes({});
    f.execution.findStaleRunning.mockRejectedValueOnce(new Error('database is down'));
    const reconciler = f.reconciler();
    reconciler.start();

    await waitFor(() => (f.execution.findQueued.mock.calls.length >= 1 ? true : undefined));
    await reconciler.stop();

    expect(f.lines.join('')).toContain('reconcile failed');
    expect(f.lines.join('')).toContain('database is down');
  });

  it('stops cleanly when it never started', async () => {
    await expect(fakes({}).reconciler().stop()).resolves.toBeUndefined();
  });
});
