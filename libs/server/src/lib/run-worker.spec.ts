import { loadConfig } from '@gtr/config';
import { createInProcessRateLimiter, createProviderRegistry } from '@gtr/engine';
import { QueueName, createEventBus, createQueueDriver, createSlotDriver } from '@gtr/queue';
import { Metrics } from '@gtr/telemetry';
import { capturingLogger } from '../../test/capturing-logger';
import { waitFor } from '../../test/wait-for';
import { RunWorker, reconcilerOptionsOf } from './run-worker';
import { type Runtime } from './runtime';

function stubRuntime(): Runtime {
  const prefix = `run-worker-spec-${Math.random()}`;
  const config = loadConfig({ GTR_WORKER_CONCURRENCY: '2', GTR_QUEUE_PREFIX: prefix });
  return {
    config,
    logger: capturingLogger('run-worker-spec').logger,
    metrics: new Metrics('worker'),
    embedded: { database: false, redis: true },
    dataSource: {} as Runtime['dataSource'],
    queue: createQueueDriver({ prefix }),
    events: createEventBus({ prefix }),
    limiter: createInProcessRateLimiter(),
    slots: createSlotDriver({ prefix }),
    providers: createProviderRegistry([{ name: 'dry-run', kind: 'dry-run', defaultModel: 'm' }], 'dry-run'),
    repositories: { execution: { claim: jest.fn(async () => null) } } as unknown as Runtime['repositories'],
    workerId: 'w1',
    close: async () => undefined,
  };
}

describe('RunWorker', () => {
  it('consumes the runs queue with the configured concurrency once, however often it is started', async () => {
    const runtime = stubRuntime();
    const consume = jest.spyOn(runtime.queue, 'consume');
    const worker = new RunWorker(runtime);
    expect(worker.running).toBe(false);

    await worker.start();
    await worker.start();

    expect(worker.running).toBe(true);
    expect(consume).toHaveBeenCalledTimes(1);
    expect(consume).toHaveBeenCalledWith(QueueName.Runs, expect.any(Function), { concurrency: 2 });

    await runtime.queue.add(QueueName.Runs, {
      id: 'not-a-run',
      payload: { runId: 'not-a-run', tenantId: 't' },
    });
    const claim = jest.mocked(runtime.repositories.execution.claim);
    await waitFor(() => (claim.mock.calls.length > 0 ? true : undefined));
    expect(claim).toHaveBeenCalledWith('not-a-run', 'w1');

    await worker.stop();
    await worker.stop();
    expect(worker.running).toBe(false);
    await runtime.queue.close();
    await runtime.events.close();
  });

  it('leaves schedules and provider batches to other workers when told to', async () => {
    const runtime = stubRuntime();
    // A database that records every use: a scheduler or provider-batch loop would use it on its first tick.
    const used: PropertyKey[] = [];
    runtime.dataSource = new Proxy({} as Runtime['dataSource'], {
      get: (_target, property) => {
        used.push(property);
        return () => Promise.reject(new Error('no database here'));
      },
    });
    const worker = new RunWorker(runtime, { scheduler: false, providerBatches: false });
    await worker.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await worker.stop();
    expect(used).toEqual([]);
    await runtime.queue.close();
    await runtime.events.close();
  });

  it('stops cleanly when it never started', async () => {
    const runtime = stubRuntime();
    await expect(new RunWorker(runtime).stop()).resolves.toBeUndefined();
  });

  it('reconciles once per claim heartbeat and treats a claim as stale after three missed beats', () => {
    expect(reconcilerOptionsOf({ GTR_CLAIM_HEARTBEAT_MS: 10_000 })).toEqual({
      intervalMs: 10_000,
      queuedGraceMs: 30_000,
      staleRunningMs: 30_000,
      batchSize: 500,
    });
  });
});
