import { type ClaimedRun, type RunExecutionRepository } from '@gtr/data';
import {
  type AttemptOutcome,
  type Provider,
  type ProviderError,
  type ProviderRegistry,
  type RetryPolicy,
  DEFAULT_RETRY_POLICY,
  classifyError,
  costOfCall,
  executeAttempt,
  nextRetryDelay,
} from '@gtr/engine';
import { type EventBus, type QueueDriver, QueueName, type RunJobPayload } from '@gtr/queue';
import { type Logger, type Metrics } from '@gtr/telemetry';
import { type BatchSlot, type BatchSlots } from './batch-slots';
import { type RunCache } from './run-cache';
import { type RunPacer } from './run-pacer';
import { RUN_CONTROL_CHANNEL, isRunCancelMessage, notifyRunChanged } from './run-events';
import { runJobOf } from './run-job-id';

/** What a {@link RunExecutor} works with; a {@link Runtime} provides all of it. */
export interface RunExecutorDeps {
  execution: RunExecutionRepository;
  providers: ProviderRegistry;
  queue: QueueDriver;
  events: EventBus;
  logger: Logger;
  metrics: Metrics;
  workerId: string;
  /** The opt-in response cache; without it every run calls its provider. */
  cache?: RunCache;
  /** Rate limits and adaptive concurrency; without it calls go out unpaced. */
  pacer?: RunPacer;
  /** Batch concurrency caps across workers; without it a job's batch cap is ignored. */
  slots?: BatchSlots;
  /** No retry is scheduled later than this long after a run's creation. Default: none. */
  deadlineMs?: number;
  /** Backoff of failed calls (default `DEFAULT_RETRY_POLICY`); `maxAttempts` always comes from the run. */
  retry?: Partial<RetryPolicy>;
  /** How often the claims of the calls in flight are confirmed (`RunExecutionRepository.heartbeat`). Default 10 s. */
  heartbeatMs?: number;
  /** Tries of a result write that throws (a database blip), before the job fails. Default 3. */
  persistAttempts?: number;
  /** Wait before the n-th retry of a result write is `n ×` this. Default 100 ms. */
  persistBackoffMs?: number;
}

/**
 * How a call ended, with the time it waited for the rate limiter; a successful one with its
 * cost (null: the model has no known price).
 */
type CallOutcome =
  | (Extract<AttemptOutcome, { ok: true }> & { costUsd: number | null; waitedMs: number })
  | (Extract<AttemptOutcome, { ok: false }> & { waitedMs: number });

/**
 * Executes one attempt of a run per job: claim (guarded) → provider call → persist attempt and
 * result in one statement → publish. Idempotent: a job for a run that is not claimable (already
 * running elsewhere, finished, cancelled) does nothing. A retry is a new delayed job, so a run in
 * backoff holds no worker slot.
 *
 * Every claimed run leaves `running`: succeeded, retrying, failed (a provider that is not
 * configured is a final failure with its code), or handed back to the queue when this worker
 * stops mid-call. Only a result write that keeps failing leaves it `running`, for the
 * reconciler to recover once the claim is stale.
 */
export class RunExecutor {
  private readonly inFlight = new Map<string, AbortController>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly backoff: Omit<RetryPolicy, 'maxAttempts'>;

  constructor(private readonly deps: RunExecutorDeps) {
    // An override left undefined (an unset option passed through) keeps the default.
    const { baseDelayMs, maxDelayMs } = deps.retry ?? {};
    this.backoff = {
      baseDelayMs: baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    };
  }

  /**
   * Listens for cancel requests so a running call is aborted at once, and starts confirming the
   * claims of the calls in flight. Idempotent.
   */
  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.unsubscribe = await this.deps.events.subscribe(RUN_CONTROL_CHANNEL, (message) => {
      if (isRunCancelMessage(message)) this.inFlight.get(message.runId)?.abort();
    });
    this.heartbeat = setInterval(() => void this.confirmClaims(), this.deps.heartbeatMs ?? 10_000);
    this.heartbeat.unref();
  }

  /** One statement for every claim this worker holds; a failure only logs (the next beat tries again). */
  private async confirmClaims(): Promise<void> {
    if (this.inFlight.size === 0) return;
    await this.deps.execution
      .heartbeat([...this.inFlight.keys()], this.deps.workerId)
      .catch((err: unknown) => this.deps.logger.warn({ err }, 'confirming claims failed'));
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.();
  }

  /**
   * Runs one job. `signal` is the queue's: it aborts when this consumer is closing (or lost the
   * job's lock); the call is then aborted and the run handed back to the queue untouched.
   *
   * A job of a capped batch first waits for one of the batch's slots, unclaimed (its run stays
   * `queued`; a shutdown meanwhile rejects, which puts the job back in the queue), and holds it
   * until the provider call is over.
   */
  async handle(payload: RunJobPayload, signal: AbortSignal): Promise<void> {
    const { slots } = this.deps;
    const slot = payload.batch && slots ? await slots.acquire(payload.batch, payload.runId, signal) : null;
    try {
      await this.execute(payload, signal, slot);
    } finally {
      await slot?.release();
    }
  }

  private async execute(payload: RunJobPayload, signal: AbortSignal, slot: BatchSlot | null): Promise<void> {
    const { execution, logger, workerId } = this.deps;
    const run = await execution.claim(payload.runId, workerId);
    if (!run) {
      logger.debug({ runId: payload.runId }, 'run not claimable; job skipped');
      return;
    }
    // The job's batch cap goes with every later job of this run (retry, hand-back).
    const job = { runId: run.runId, tenantId: run.tenantId, batch: payload.batch };
    // Registered before any await, so a cancel request that follows the claim finds the call.
    const abort = new AbortController();
    this.inFlight.set(run.runId, abort);
    const onShutdown = () => abort.abort(signal.reason);
    if (signal.aborted) onShutdown();
    else signal.addEventListener('abort', onShutdown, { once: true });
    const log = logger.child({ runId: run.runId, attempt: run.attemptNumber });
    try {
      // Not awaited: the event is best effort and the call should not wait for Redis. Commands on
      // one connection keep their order, so a watcher still sees `running` before the result.
      void notifyRunChanged(this.deps.events, { ...run, status: 'running' });
      const startedAt = new Date();
      if (await this.answerFromCache(run, startedAt, log)) return;
      const outcome = await this.call(run, abort.signal);
      const finishedAt = new Date();
      // The call is over: the batch's next call need not wait for this one's write.
      await slot?.release();
      if (outcome.ok) {
        await this.succeed(run, outcome, { startedAt, finishedAt }, log);
      } else if (signal.aborted && outcome.error.code === 'E_CANCELLED') {
        await this.handBack(run, job, log);
      } else {
        await this.fail(
          run,
          job,
          outcome.error,
          { startedAt, finishedAt, latencyMs: outcome.latencyMs },
          outcome.waitedMs,
          log,
        );
      }
    } finally {
      this.inFlight.delete(run.runId);
      signal.removeEventListener('abort', onShutdown);
    }
  }

  /** Completes the run from the response cache when it opted in and an entry is there. */
  private async answerFromCache(run: ClaimedRun, startedAt: Date, log: Logger): Promise<boolean> {
    const hit = await this.deps.cache?.lookup(run);
    if (!hit) return false;
    const applied = await this.persist('recording the cache hit', log, () =>
      this.deps.execution.recordCacheHit(run.runId, run.attemptNumber, hit, {
        startedAt,
        finishedAt: new Date(),
      }),
    );
    if (applied) {
      this.deps.metrics.runsFinished.inc({ status: 'succeeded', error_code: '', provider: run.provider });
      log.info('run answered from the response cache');
      await notifyRunChanged(this.deps.events, { ...run, status: 'succeeded' });
    }
    return true;
  }

  /**
   * The provider call and its cost. A provider that is not configured (its name came from an
   * older configuration, or a typo in a task) is a failed outcome with the registry's code.
   */
  private async call(run: ClaimedRun, signal: AbortSignal): Promise<CallOutcome> {
    const { providers, metrics } = this.deps;
    let provider: Provider;
    try {
      provider = providers.get(run.provider);
    } catch (error) {
      return { ok: false, error: classifyError(error), latencyMs: 0, waitedMs: 0 };
    }
    const request = {
      model: run.model,
      messages: run.messages,
      params: run.params,
      outputSchema: run.outputSchema,
    };
    const send = () => executeAttempt(provider, request, { timeoutMs: run.timeoutMs, signal });
    const outcome = this.deps.pacer
      ? await this.deps.pacer.call(provider, run, request, signal, send)
      : { ...(await send()), waitedMs: 0 };
    metrics.providerLatency.observe({ provider: run.provider }, outcome.latencyMs / 1000);
    metrics.providerCalls.inc({ provider: run.provider, outcome: outcome.ok ? 'ok' : outcome.error.code });
    return outcome.ok
      ? { ...outcome, costUsd: costOfCall(provider, run.model, outcome.result.usage) }
      : outcome;
  }

  private async succeed(
    run: ClaimedRun,
    outcome: Extract<CallOutcome, { ok: true }>,
    times: { startedAt: Date; finishedAt: Date },
    log: Logger,
  ): Promise<void> {
    const { execution, metrics } = this.deps;
    const { result, costUsd } = outcome;
    if (costUsd === null) log.warn({ model: run.model }, 'no price known for model; cost not recorded');
    await this.deps.cache?.store(run, result);
    const applied = await this.persist('recording the result', log, () =>
      execution.recordSuccess(run.runId, run.attemptNumber, {
        ...times,
        latencyMs: outcome.latencyMs,
        httpStatus: result.httpStatus,
        usage: result.usage,
        providerRequestId: result.providerRequestId,
        outputText: result.text,
        outputJson: result.json ?? null,
        finishReason: result.finishReason,
        costUsd,
        rateLimitWaitMs: outcome.waitedMs,
      }),
    );
    if (!applied) {
      log.info('run is no longer this claim (cancelled?); result dropped');
      return;
    }
    metrics.runsFinished.inc({ status: 'succeeded', error_code: '', provider: run.provider });
    metrics.tokens.inc(
      { provider: run.provider, model: run.model, kind: 'prompt' },
      result.usage.promptTokens,
    );
    metrics.tokens.inc(
      { provider: run.provider, model: run.model, kind: 'completion' },
      result.usage.completionTokens,
    );
    log.info({ latencyMs: outcome.latencyMs, tokens: result.usage.totalTokens }, 'run succeeded');
    await notifyRunChanged(this.deps.events, { ...run, status: 'succeeded' });
  }

  private async fail(
    run: ClaimedRun,
    job: RunJobPayload,
    error: ProviderError,
    facts: { startedAt: Date; finishedAt: Date; latencyMs: number },
    rateLimitWaitMs: number,
    log: Logger,
  ): Promise<void> {
    const { execution, metrics } = this.deps;
    const policy: RetryPolicy = { ...this.backoff, maxAttempts: run.maxAttempts };
    // A cancelled call is never retried: the user asked for it to stop.
    let delayMs = error.code === 'E_CANCELLED' ? null : nextRetryDelay(policy, run.attemptNumber, error);
    const { deadlineMs } = this.deps;
    if (
      delayMs !== null &&
      deadlineMs !== undefined &&
      Date.now() + delayMs > run.createdAt.getTime() + deadlineMs
    ) {
      log.warn({ code: error.code, delayMs }, 'the retry would pass the run deadline; failing now');
      delayMs = null;
    }
    const failure = {
      ...facts,
      httpStatus: error.httpStatus,
      providerRequestId: error.providerRequestId,
      errorCode: error.code,
      errorMessage: error.message,
      rateLimitWaitMs,
    };
    if (delayMs !== null) {
      const retryAt = new Date(Date.now() + delayMs);
      const applied = await this.persist('recording the failed attempt', log, () =>
        execution.recordFailure(run.runId, run.attemptNumber, failure, { retryAt }),
      );
      if (!applied) return;
      await this.deps.queue
        .add(QueueName.Runs, runJobOf(job, run.attemptNumber + 1, { delayMs }))
        .catch((err: unknown) =>
          // The run is `retrying` in Postgres: the reconciler enqueues it once its time has come.
          log.error({ err }, 'enqueueing the retry failed; the reconciler will enqueue it'),
        );
      log.warn({ code: error.code, delayMs }, 'attempt failed; retry scheduled');
      await notifyRunChanged(this.deps.events, { ...run, status: 'retrying' });
      return;
    }
    const applied = await this.persist('recording the failure', log, () =>
      execution.recordFailure(run.runId, run.attemptNumber, failure, {}),
    );
    if (!applied) return;
    metrics.runsFinished.inc({ status: 'failed', error_code: error.code, provider: run.provider });
    log.warn({ code: error.code }, 'run failed');
    await notifyRunChanged(this.deps.events, { ...run, status: 'failed' });
  }

  /**
   * This worker is stopping (or lost the job), not the user cancelling: the run goes back to the
   * queue with no attempt recorded, as a new job for its next claim — the job being handled now
   * completes, and the reconciler would look for exactly this id.
   */
  private async handBack(run: ClaimedRun, job: RunJobPayload, log: Logger): Promise<void> {
    const released = await this.persist('releasing the run', log, () =>
      this.deps.execution.release(run.runId, run.attemptNumber),
    );
    if (!released) return;
    await this.deps.queue
      .add(QueueName.Runs, runJobOf(job, run.attemptNumber + 1))
      .catch((err: unknown) => log.error({ err }, 'enqueueing the released run failed; the reconciler will'));
    log.info('worker stopping; run released to the queue');
    await notifyRunChanged(this.deps.events, { ...run, status: 'queued' });
  }

  /**
   * A write after a provider call: the call may have cost money, so a transient database error
   * gets a few more tries. Every write is guarded on the claim, so repeating one that did
   * commit is a no-op that reports `false`.
   */
  private async persist<T>(what: string, log: Logger, write: () => Promise<T>): Promise<T> {
    const attempts = Math.max(1, this.deps.persistAttempts ?? 3);
    const backoffMs = this.deps.persistBackoffMs ?? 100;
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (err) {
        if (attempt >= attempts) {
          log.error({ err }, `${what} failed; the run stays running until the reconciler recovers it`);
          throw err;
        }
        log.warn({ err, attempt }, `${what} failed; trying again`);
        await new Promise((resolve) => setTimeout(resolve, backoffMs * attempt));
      }
    }
  }
}
