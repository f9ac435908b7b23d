import { type ClaimedRun, type RunExecutionRepository } from '@gtr/data';
import {
  type CompletionResult,
  type Provider,
  type RetryPolicy,
  DEFAULT_RETRY_POLICY,
  ProviderError,
  createProviderRegistry,
} from '@gtr/engine';
import { type EventBus, type QueueDriver, createEventBus } from '@gtr/queue';
import { Metrics } from '@gtr/telemetry';
import { capturingLogger } from '../../test/capturing-logger';
import { ANSWER, claimedRun } from '../../test/run-fixtures';
import { waitFor } from '../../test/wait-for';
import { RunExecutor } from './run-executor';
import { RUN_CONTROL_CHANNEL } from './run-events';

const RUN = claimedRun();

/** A provider whose next call does what `behave` says; it honours the abort signal. */
function fakeProvider(
  behave: (signal: AbortSignal) => Promise<CompletionResult>,
): Provider & { calls: number } {
  const provider = {
    name: 'fake',
    calls: 0,
    complete: (_request: unknown, signal: AbortSignal) => {
      provider.calls++;
      return behave(signal);
    },
  };
  return provider;
}
const hang = (signal: AbortSignal) =>
  new Promise<CompletionResult>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

function setup(
  provider: Provider,
  options: {
    claim?: ClaimedRun | null;
    bus?: EventBus;
    retry?: Partial<RetryPolicy>;
    deadlineMs?: number;
    heartbeatMs?: number;
  } = {},
) {
  const claim = options.claim === undefined ? RUN : options.claim;
  const execution = {
    claim: jest.fn(async () => claim),
    recordSuccess: jest.fn(async () => true),
    recordFailure: jest.fn(async () => true),
    release: jest.fn(async () => true),
    heartbeat: jest.fn(async (ids: readonly string[]) => ids.length),
  };
  const queue = { add: jest.fn(async () => undefined) };
  const events: EventBus = options.bus ?? createEventBus({ prefix: `executor-spec-${Math.random()}` });
  const log = capturingLogger('executor-spec', 'debug');
  const executor = new RunExecutor({
    execution: execution as unknown as RunExecutionRepository,
    providers: createProviderRegistry([{ name: 'fake', kind: 'dry-run', defaultModel: 'm' }], 'fake', {
      factories: { 'dry-run': () => provider },
    }),
    queue: queue as unknown as QueueDriver,
    events,
    logger: log.logger,
    metrics: new Metrics('executor-spec'),
    workerId: 'w1',
    retry: options.retry ?? { baseDelayMs: 10, maxDelayMs: 10 },
    deadlineMs: options.deadlineMs,
    heartbeatMs: options.heartbeatMs,
    persistBackoffMs: 1,
  });
  return { execution, queue, events, log, executor };
}

describe('RunExecutor', () => {
  it('does nothing for a job whose run is not claimable', async () => {
    const provider = fakeProvider(async () => ANSWER);
    const { executor, log } = setup(provider, { claim: null });

    await executor.handle({ runId: 'gone', tenantId: 't' }, new AbortController().signal);

    expect(provider.calls).toBe(0);
    expect(log.text()).toContain('run not claimable; job skipped');
  });

  it('records a success without a cost when the model has no known price, and says so', async () => {
    const { executor, execution, log } = setup(fakeProvider(async () => ANSWER));

    await executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, new AbortController().signal);

    expect(execution.recordSuccess).toHaveBeenCalledWith(
      'run-1',
      1,
      expect.objectContaining({
        outputText: 'hello',
        costUsd: null,
        httpStatus: 200,
        providerRequestId: 'req_1',
      }),
    );
    expect(log.text()).toContain('no price known for model');
  });

  it('keeps a retrying run when enqueueing its retry fails: the reconciler will enqueue it', async () => {
    const { executor, execution, queue, log } = setup(
      fakeProvider(async () =>
        Promise.reject(new ProviderError('E_SERVER_ERROR', 'boom', { httpStatus: 502 })),
      ),
    );
    queue.add.mockRejectedValueOnce(new Error('Redis is down'));

    await expect(
      executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, new AbortController().signal),
    ).resolves.toBeUndefined();

    expect(execution.recordFailure).toHaveBeenCalledWith(
      'run-1',
      1,
      expect.objectContaining({ errorCode: 'E_SERVER_ERROR', httpStatus: 502 }),
      { retryAt: expect.any(Date) },
    );
    expect(queue.add).toHaveBeenCalledWith(
      'runs',
      expect.objectContaining({ id: 'run-1_2', delayMs: expect.any(Number) }),
    );
    expect(log.text()).toContain('enqueueing the retry failed');
  });

  it.each([
    ['an explicit backoff', { baseDelayMs: 10, maxDelayMs: 10 }, 10],
    [
      'overrides left undefined (the defaults apply)',
      { baseDelayMs: undefined, maxDelayMs: undefined },
      DEFAULT_RETRY_POLICY.baseDelayMs,
    ],
  ])('delays a retry within the backoff cap with %s', async (_what, retry, cap) => {
    const { executor, queue } = setup(
      fakeProvider(async () => Promise.reject(new ProviderError('E_NETWORK', 'reset'))),
      {
        retry,
      },
    );

    await executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, new AbortController().signal);

    const delayMs = (queue.add.mock.calls[0] as unknown as [string, { delayMs: number }])[1].delayMs;
    expect(Number.isInteger(delayMs)).toBe(true);
    expect(delayMs).toBeGreaterThanOrEqual(0);
    expect(delayMs).toBeLessThanOrEqual(cap);
  });

  it('fails a run for good instead of scheduling a retry past its overall deadline', async () => {
    const failing = fakeProvider(async () =>
      Promise.reject(new ProviderError('E_SERVER_ERROR', 'boom', { httpStatus: 503 })),
    );
    const old = { ...RUN, createdAt: new Date(Date.now() - 60_001) };
    const { executor, execution, queue, log } = setup(failing, { claim: old, deadlineMs: 60_000 });

    await executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, new AbortController().signal);

    expect(execution.recordFailure).toHaveBeenCalledWith(
      'run-1',
      1,
      expect.objectContaining({ errorCode: 'E_SERVER_ERROR' }),
      {},
    );
    expect(queue.add).not.toHaveBeenCalled();
    expect(log.text()).toContain('the retry would pass the run deadline');

    const young = setup(failing, { deadlineMs: 60_000 });
    await young.executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, new AbortController().signal);
    expect(young.queue.add).toHaveBeenCalledTimes(1);
  });

  it('schedules nothing when the failed attempt could not be recorded (the run changed meanwhile)', async () => {
    const { executor, execution, queue } = setup(
      fakeProvider(async () => Promise.reject(new ProviderError('E_SERVER_ERROR', 'boom'))),
    );
    execution.recordFailure.mockResolvedValueOnce(false);

    await executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, new AbortController().signal);

    expect(queue.add).not.toHaveBeenCalled();
  });

  it('hands a run back when the job signal is already aborted as the call starts', async () => {
    const provider = fakeProvider(hang);
    const { executor, execution, queue } = setup(provider);
    const stopping = new AbortController();
    stopping.abort(new Error('consumer closing'));

    await executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, stopping.signal);

    expect(execution.release).toHaveBeenCalledWith('run-1', 1);
    expect(queue.add).toHaveBeenCalledWith('runs', {
      id: 'run-1_2',
      payload: { runId: 'run-1', tenantId: 'tenant-1' },
    });
    expect(execution.recordFailure).not.toHaveBeenCalled();
  });

  it('enqueues nothing when the run it hands back is no longer its claim', async () => {
    const { executor, execution, queue } = setup(fakeProvider(hang));
    execution.release.mockResolvedValueOnce(false);
    const stopping = new AbortController();
    const handled = executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, stopping.signal);
    stopping.abort();
    await handled;

    expect(queue.add).not.toHaveBeenCalled();
  });

  it('logs, and does not throw, when the handed-back run cannot be enqueued', async () => {
    const { executor, queue, log } = setup(fakeProvider(hang));
    queue.add.mockRejectedValueOnce(new Error('Redis is down'));
    const stopping = new AbortController();
    const handled = executor.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, stopping.signal);
    stopping.abort();

    await expect(handled).resolves.toBeUndefined();
    expect(log.text()).toContain('enqueueing the released run failed');
  });

  it('confirms the claims of its calls in flight every heartbeat, and logs a failed beat', async () => {
    let finish: (result: CompletionResult) => void = () => undefined;
    const { executor, execution, log } = setup(
      fakeProvider(() => new Promise<CompletionResult>((resolve) => (finish = resolve))),
      { heartbeatMs: 20 },
    );
    await executor.start();
    const handling = executor.handle(
      { runId: RUN.runId, tenantId: RUN.tenantId },
      new AbortController().signal,
    );
    await waitFor(() => (execution.heartbeat.mock.calls.length >= 2 ? true : undefined));
    expect(execution.heartbeat).toHaveBeenCalledWith(['run-1'], 'w1');
    execution.heartbeat.mockRejectedValueOnce(new Error('database blip'));
    await waitFor(() => (log.text().includes('confirming claims failed') ? true : undefined));
    finish(ANSWER);
    await handling;
    await executor.stop();
    const beats = execution.heartbeat.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(execution.heartbeat.mock.calls.length).toBe(beats);
  });

  it('listens for cancel requests once, and not after stop', async () => {
    const provider = fakeProvider(hang);
    const { executor, events, execution } = setup(provider);
    await executor.start();
    await executor.start();

    const handled = executor.handle(
      { runId: RUN.runId, tenantId: RUN.tenantId },
      new AbortController().signal,
    );
    await waitFor(() => (provider.calls === 1 ? true : undefined));
    await events.publish(RUN_CONTROL_CHANNEL, { type: 'run.cancel', runId: 'another-run' });
    await events.publish(RUN_CONTROL_CHANNEL, { type: 'something else' });
    await events.publish(RUN_CONTROL_CHANNEL, { type: 'run.cancel', runId: RUN.runId });
    await handled;

    // A cancelled call is a final failure (which the guard drops when the run is cancelled).
    expect(execution.recordFailure).toHaveBeenCalledTimes(1);
    expect(execution.recordFailure).toHaveBeenCalledWith(
      'run-1',
      1,
      expect.objectContaining({ errorCode: 'E_CANCELLED' }),
      {},
    );

    await executor.stop();
    await executor.stop();
    // After stop a cancel request is not heard: this call ends by its own (short) timeout.
    execution.claim.mockResolvedValueOnce({ ...RUN, timeoutMs: 150 });
    const second = executor.handle(
      { runId: RUN.runId, tenantId: RUN.tenantId },
      new AbortController().signal,
    );
    await waitFor(() => (provider.calls === 2 ? true : undefined));
    await events.publish(RUN_CONTROL_CHANNEL, { type: 'run.cancel', runId: RUN.runId });
    await second;
    expect(execution.recordFailure).toHaveBeenLastCalledWith(
      'run-1',
      1,
      expect.objectContaining({ errorCode: 'E_TIMEOUT' }),
      { retryAt: expect.any(Date) },
    );
    await events.close();
  });

  it('aborts a call whose cancel request arrived while the run was being announced as running', async () => {
    const provider = fakeProvider(hang);
    // An event bus whose first publish (the 'running' notification) is slow to return.
    let deliver: (message: unknown) => void = () => undefined;
    let releasePublish: () => void = () => undefined;
    let publishes = 0;
    const slowBus: EventBus = {
      subscribe: async (_channel, handler) => {
        deliver = handler;
        return async () => undefined;
      },
      publish: async () => {
        if (publishes++ === 0) await new Promise<void>((resolve) => (releasePublish = resolve));
      },
      close: async () => undefined,
    };
    const { executor: slow, execution } = setup(provider, {
      claim: { ...RUN, timeoutMs: 1_000 },
      bus: slowBus,
    });
    await slow.start();

    const handled = slow.handle({ runId: RUN.runId, tenantId: RUN.tenantId }, new AbortController().signal);
    await waitFor(() => (execution.claim.mock.calls.length === 1 ? true : undefined));
    await new Promise((resolve) => setImmediate(resolve));
    deliver({ type: 'run.cancel', runId: RUN.runId });
    releasePublish();
    await handled;

    expect(execution.recordFailure).toHaveBeenCalledWith(
      'run-1',
      1,
      expect.objectContaining({ errorCode: 'E_CANCELLED' }),
      {},
    );
  });
});
