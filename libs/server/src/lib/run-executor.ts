import { type RunExecutionRepository } from '@gtr/data';
import {
  type ProviderRegistry,
  type RetryPolicy,
  DEFAULT_RETRY_POLICY,
  costOfCall,
  executeAttempt,
  nextRetryDelay,
} from '@gtr/engine';
import { type EventBus, type QueueDriver, QueueName, type RunJobPayload } from '@gtr/queue';
import { type Logger, type Metrics } from '@gtr/telemetry';
import { RUN_CONTROL_CHANNEL, isRunCancelMessage, notifyRunChanged } from './run-events';
import { runJobId } from './run-job-id';

export interface RunExecutorDeps {
  execution: RunExecutionRepository;
  providers: ProviderRegistry;
  queue: QueueDriver;
  events: EventBus;
  logger: Logger;
  metrics: Metrics;
  workerId: string;
  retry?: Partial<RetryPolicy>;
}

/**
 * Executes one attempt of a run per job: claim (guarded) → provider call → persist attempt and
 * result in one statement → publish. Idempotent: a job for a run that is not claimable (already
 * running elsewhere, finished, cancelled) does nothing. A retry is a new delayed job, so a run in
 * backoff holds no worker slot.
 */
export class RunExecutor {
  private readonly inFlight = new Map<string, AbortController>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(private readonly deps: RunExecutorDeps) {}

  /** Listens for cancel requests so a running call is aborted at once. */
  async start(): Promise<void> {
    this.unsubscribe = await this.deps.events.subscribe(RUN_CONTROL_CHANNEL, (message) => {
      if (isRunCancelMessage(message)) this.inFlight.get(message.runId)?.abort();
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = null;
  }

  async handle(payload: RunJobPayload, signal: AbortSignal): Promise<void> {
    const { execution, providers, logger, metrics, workerId } = this.deps;
    const run = await execution.claim(payload.runId, workerId);
    if (!run) {
      logger.debug({ runId: payload.runId }, 'run not claimable; job skipped');
      return;
    }
    const log = logger.child({ runId: run.runId, attempt: run.attemptNumber });
    await notifyRunChanged(this.deps.events, { ...run, runId: run.runId, status: 'running' });

    const abort = new AbortController();
    const onShutdown = () => abort.abort();
    signal.addEventListener('abort', onShutdown);
    this.inFlight.set(run.runId, abort);
    const startedAt = new Date();
    try {
      const provider = providers.get(run.provider);
      const outcome = await executeAttempt(
        provider,
        { model: run.model, messages: run.messages, params: run.params, outputSchema: run.outputSchema },
        { timeoutMs: run.timeoutMs, signal: abort.signal },
      );
      const finishedAt = new Date();
      metrics.providerLatency.observe({ provider: run.provider }, outcome.latencyMs / 1000);
      if (outcome.ok) {
        const { result } = outcome;
        const costUsd = costOfCall(provider, run.model, result.usage);
        if (costUsd === null) log.warn({ model: run.model }, 'no price known for model; cost not recorded');
        const applied = await execution.recordSuccess(run.runId, run.attemptNumber, {
          startedAt,
          finishedAt,
          latencyMs: outcome.latencyMs,
          httpStatus: result.httpStatus,
          usage: result.usage,
          providerRequestId: result.providerRequestId,
          outputText: result.text,
          outputJson: result.json ?? null,
          finishReason: result.finishReason,
          costUsd,
          rateLimitWaitMs: 0,
        });
        metrics.providerCalls.inc({ provider: run.provider, outcome: 'ok' });
        if (!applied) {
          log.info('run changed while its call was in flight (cancelled?); result dropped');
          return;
        }
        metrics.runsFinished.inc({ status: 'succeeded', error_code: '', provider: run.provider });
        metrics.tokens.inc({ provider: run.provider, model: run.model, kind: 'prompt' }, result.usage.promptTokens);
        metrics.tokens.inc(
          { provider: run.provider, model: run.model, kind: 'completion' },
          result.usage.completionTokens,
        );
        log.info({ latencyMs: outcome.latencyMs, tokens: result.usage.totalTokens }, 'run succeeded');
        await notifyRunChanged(this.deps.events, { ...run, status: 'succeeded' });
        return;
      }

      const { error } = outcome;
      metrics.providerCalls.inc({ provider: run.provider, outcome: error.code });
      if (signal.aborted && error.code === 'E_CANCELLED') {
        // This worker is shutting down, not the user cancelling: hand the run back untouched.
        await execution.release(run.runId);
        log.info('worker stopping; run released to the queue');
        return;
      }
      const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...this.deps.retry, maxAttempts: run.maxAttempts };
      const delayMs = error.code === 'E_CANCELLED' ? null : nextRetryDelay(policy, run.attemptNumber, error);
      const failure = {
        startedAt,
        finishedAt,
        latencyMs: outcome.latencyMs,
        httpStatus: error.httpStatus,
        errorCode: error.code,
        errorMessage: error.message,
        rateLimitWaitMs: 0,
      };
      if (delayMs !== null) {
        const applied = await execution.recordFailure(run.runId, run.attemptNumber, failure, {
          retryAt: new Date(Date.now() + delayMs),
        });
        if (!applied) return;
        await this.deps.queue.add(QueueName.Runs, {
          id: runJobId(run.runId, run.attemptNumber + 1),
          payload: { runId: run.runId, tenantId: run.tenantId },
          delayMs,
        });
        log.warn({ code: error.code, delayMs }, 'attempt failed; retry scheduled');
        await notifyRunChanged(this.deps.events, { ...run, status: 'retrying' });
        return;
      }
      const applied = await execution.recordFailure(run.runId, run.attemptNumber, failure, {});
      if (!applied) return;
      metrics.runsFinished.inc({ status: 'failed', error_code: error.code, provider: run.provider });
      log.warn({ code: error.code }, 'run failed');
      await notifyRunChanged(this.deps.events, { ...run, status: 'failed' });
    } finally {
      this.inFlight.delete(run.runId);
      signal.removeEventListener('abort', onShutdown);
    }
  }
}
