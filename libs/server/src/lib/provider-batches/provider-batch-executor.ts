import {
  type ClaimedProviderBatchRun,
  type ProviderBatchView,
  type ProviderBatchesRepository,
  type RunExecutionRepository,
} from '@gtr/data';
import { type Provider, type ProviderRegistry, classifyError, costOfCall } from '@gtr/engine';
import { type EventBus } from '@gtr/queue';
import { type Logger } from '@gtr/telemetry';
import { notifyRunChanged } from '../run-events';
import { type BatchApiClient, FINAL_REMOTE_STATUSES, type RemoteBatch } from './batch-api-client';
import { type ResultLine, indexResultLines, missingLineFailure, readResultLine } from './batch-result-lines';
import { type ChunkLimits, OPENAI_BATCH_LIMITS, batchLine, splitIntoChunks } from './jsonl-chunks';

/** Result writes in flight at once while a file's results are recorded. */
const RECORD_CONCURRENCY = 8;

/** The Batch API is billed at half the price of the same calls made one by one. */
export const PROVIDER_BATCH_PRICE_FACTOR = 0.5;

/** Options of a {@link ProviderBatchExecutor}; the defaults suit production. */
export interface ProviderBatchOptions {
  /** Time between polls of one provider batch. Default 30 s. */
  pollIntervalMs: number;
  /** How long a worker holds a file it is submitting before another may take it over. Default 5 min. */
  submitLeaseMs: number;
  /** Input file limits. Default {@link OPENAI_BATCH_LIMITS}. */
  limits: ChunkLimits;
  /** Most batches split and files handled per tick. Default 20. */
  batchSize: number;
}

export const DEFAULT_PROVIDER_BATCH_OPTIONS: ProviderBatchOptions = {
  pollIntervalMs: 30_000,
  submitLeaseMs: 5 * 60_000,
  limits: OPENAI_BATCH_LIMITS,
  batchSize: 20,
};

/** What a {@link ProviderBatchExecutor} works with. */
export interface ProviderBatchExecutorDeps {
  providerBatches: ProviderBatchesRepository;
  execution: RunExecutionRepository;
  providers: ProviderRegistry;
  /** The Batch API client of a provider, or null when it has none (not an `openai`-kind provider). */
  clientFor: (provider: string) => BatchApiClient | null;
  events: EventBus;
  logger: Logger;
  workerId: string;
}

/** What one tick did. */
export interface ProviderBatchTickSummary {
  planned: number;
  submitted: number;
  polled: number;
  finished: number;
}

/**
 * Executes `provider_batch` batches through the provider's Batch API, with all progress in
 * Postgres (`provider_batches`): a tick splits new batches into input files (one model each,
 * within the provider's limits), submits planned files (upload, create batch), polls submitted
 * ones and, once a provider batch is over, downloads its output and error files and records
 * each run's attempt and result by `custom_id` with the guarded run writes. Every step is a
 * guarded UPDATE, so any number of workers may tick, and a new executor over the same database
 * carries on where the last one stopped without submitting or recording anything twice.
 */
export class ProviderBatchExecutor {
  private readonly options: ProviderBatchOptions;

  constructor(
    private readonly deps: ProviderBatchExecutorDeps,
    options: Partial<ProviderBatchOptions> = {},
  ) {
    this.options = { ...DEFAULT_PROVIDER_BATCH_OPTIONS, ...options };
  }

  /** One pass: split new batches, then submit or poll every file that is due. */
  async tick(): Promise<ProviderBatchTickSummary> {
    const summary: ProviderBatchTickSummary = { planned: 0, submitted: 0, polled: 0, finished: 0 };
    const { providerBatches, logger } = this.deps;
    for (const batch of await providerBatches.findUnplanned(this.options.batchSize)) {
      const runs = await providerBatches.findPendingRuns(batch.tenantId, batch.batchId);
      const chunks = splitIntoChunks(runs, this.options.limits);
      if (await providerBatches.createChunks(batch.tenantId, batch.batchId, chunks)) {
        summary.planned += chunks.length;
        logger.info(
          { batchId: batch.batchId, files: chunks.length, runs: runs.length },
          'provider batch planned',
        );
      }
    }
    const due = await providerBatches.findDue(this.options.pollIntervalMs, this.options.batchSize);
    for (const chunk of due) {
      try {
        if (chunk.status === 'submitted') {
          const outcome = await this.poll(chunk);
          if (outcome !== 'skipped') summary.polled += 1;
          if (outcome === 'finished') summary.finished += 1;
        } else if (await this.submit(chunk)) {
          summary.submitted += 1;
        }
      } catch (err) {
        // A provider or network blip: the file keeps its state and is tried again next tick.
        logger.warn(
          { err, chunkId: chunk.id, batchId: chunk.batchId },
          'provider batch step failed; will retry',
        );
      }
    }
    return summary;
  }

  /**
   * Asks the provider to cancel the submitted files of a batch, best effort: the runs are
   * cancelled in Postgres already, so whatever the provider still returns is not recorded.
   */
  async cancel(tenantId: string, batchId: string): Promise<number> {
    let cancelled = 0;
    for (const chunk of await this.deps.providerBatches.findByBatch(tenantId, batchId)) {
      if (chunk.status !== 'submitted' || !chunk.providerBatchId) continue;
      const client = this.deps.clientFor(chunk.provider);
      try {
        await client?.cancelBatch(chunk.providerBatchId);
        cancelled += 1;
      } catch (err) {
        this.deps.logger.warn(
          { err, providerBatchId: chunk.providerBatchId },
          'cancelling the provider batch failed',
        );
      }
    }
    return cancelled;
  }

  /** Submits a planned file (or resumes a submission whose worker died). True once the provider has it. */
  private async submit(due: ProviderBatchView): Promise<boolean> {
    const { providerBatches, workerId, logger } = this.deps;
    const chunk = await providerBatches.claimSubmission(due.id, workerId, this.options.submitLeaseMs);
    if (!chunk) return false;
    const runs = await providerBatches.claimRuns(chunk);
    if (runs.length === 0) {
      await providerBatches.finish(chunk.id, null, workerId);
      return false;
    }
    const client = this.deps.clientFor(chunk.provider);
    if (!client) {
      const message = `Provider "${chunk.provider}" has no Batch API; use an openai provider or options.mode "queue".`;
      await this.failRuns(chunk, runs, 'E_CONFIG_PROVIDER', message);
      await providerBatches.finish(chunk.id, message, workerId);
      return false;
    }
    let inputFileId = chunk.inputFileId;
    try {
      if (!inputFileId) {
        const content = Buffer.from(runs.map((run) => batchLine(run)).join(''));
        inputFileId = await client.uploadInput(`gtr-${chunk.batchId}-${chunk.chunkIndex}.jsonl`, content);
        // Lost the lease meanwhile: the worker that took the file over submits it.
        if (!(await providerBatches.recordUpload(chunk.id, workerId, inputFileId))) return false;
      }
      // Resumed after the upload: the worker before may have created the batch and died before
      // storing its id. The input file id is unique to this file, so it finds that batch.
      const earlier = chunk.inputFileId ? await client.findBatchOf(chunk.inputFileId) : null;
      const created =
        earlier ??
        (await client.createBatch(inputFileId, {
          gtr_batch_id: chunk.batchId,
          gtr_file: String(chunk.chunkIndex),
        }));
      if (!(await providerBatches.recordSubmitted(chunk.id, workerId, created.id, created.status))) {
        // Another worker took the file over meanwhile: a batch this worker created must not run as
        // well (one it found is the one the other worker finds and keeps).
        logger.warn({ chunkId: chunk.id, providerBatchId: created.id }, 'lost the submission lease');
        if (!earlier) await client.cancelBatch(created.id).catch(() => undefined);
        return false;
      }
      logger.info(
        { batchId: chunk.batchId, file: chunk.chunkIndex, providerBatchId: created.id, runs: runs.length },
        'provider batch submitted',
      );
      return true;
    } catch (err) {
      const error = classifyError(err);
      // The provider refused the file or the batch (bad request, auth): retrying will not help.
      const status = error.httpStatus ?? 0;
      if (status >= 400 && status < 500 && status !== 429) {
        await this.failRuns(chunk, runs, error.code, error.message);
        await providerBatches.finish(chunk.id, error.message, workerId);
        logger.warn({ chunkId: chunk.id, code: error.code }, 'provider refused the batch; its runs failed');
        return false;
      }
      throw err;
    }
  }

  private async poll(due: ProviderBatchView): Promise<'skipped' | 'polled' | 'finished'> {
    const { providerBatches } = this.deps;
    const chunk = await providerBatches.claimPoll(due.id, this.options.pollIntervalMs);
    if (!chunk?.providerBatchId) return 'skipped';
    const client = this.deps.clientFor(chunk.provider);
    if (!client) return 'skipped';
    const remote = await client.retrieveBatch(chunk.providerBatchId);
    await providerBatches.recordPoll(chunk.id, {
      providerStatus: remote.status,
      completedCount: remote.completedCount,
      failedCount: remote.failedCount,
      outputFileId: remote.outputFileId,
      errorFileId: remote.errorFileId,
    });
    if (!FINAL_REMOTE_STATUSES.has(remote.status)) return 'polled';
    await this.recordResults(chunk, client, remote);
    const message = remote.status === 'completed' ? null : `The provider batch ended ${remote.status}.`;
    await providerBatches.finish(chunk.id, message);
    return 'finished';
  }

  /** Downloads the output and error files and records each run the file still holds. */
  private async recordResults(
    chunk: ProviderBatchView,
    client: BatchApiClient,
    remote: RemoteBatch,
  ): Promise<void> {
    const runs = await this.deps.providerBatches.findClaimedRuns(chunk);
    if (runs.length === 0) return;
    const files = [remote.outputFileId, remote.errorFileId].filter((id): id is string => id !== null);
    const lines = indexResultLines(await Promise.all(files.map((id) => client.fileText(id))));
    const finishedAt = new Date();
    const startedAt = chunk.submittedAt ?? finishedAt;
    const times = { startedAt, finishedAt, latencyMs: finishedAt.getTime() - startedAt.getTime() };
    const provider = this.deps.providers.has(chunk.provider) ? this.deps.providers.get(chunk.provider) : null;
    const outcomes: ('succeeded' | 'failed' | null)[] = [];
    // A few writes at a time: each is one short guarded statement, and a file may hold 50,000 runs.
    for (let i = 0; i < runs.length; i += RECORD_CONCURRENCY) {
      const slice = runs.slice(i, i + RECORD_CONCURRENCY);
      outcomes.push(
        ...(await Promise.all(
          slice.map((run) => this.recordRun(run, lines.get(run.runId), remote, times, provider)),
        )),
      );
    }
    const recorded = outcomes.filter((outcome) => outcome !== null).length;
    this.deps.logger.info(
      { batchId: chunk.batchId, file: chunk.chunkIndex, recorded, status: remote.status },
      'provider batch results recorded',
    );
    await this.notify(runs[0], outcomes[0] ?? 'failed');
  }

  /** Records one run's attempt and result from its line; null when the run had moved on (cancelled). */
  private async recordRun(
    run: ClaimedProviderBatchRun,
    line: ResultLine | undefined,
    remote: RemoteBatch,
    times: { startedAt: Date; finishedAt: Date; latencyMs: number },
    provider: Provider | null,
  ): Promise<'succeeded' | 'failed' | null> {
    const { execution } = this.deps;
    if (!line) {
      const failure = missingLineFailure(remote.status, remote.errors);
      const applied = await execution.recordFailure(run.runId, run.attemptNumber, {
        ...times,
        errorCode: failure.code,
        errorMessage: failure.message,
      });
      return applied ? 'failed' : null;
    }
    const outcome = readResultLine(run, line);
    if (!outcome.ok) {
      const applied = await execution.recordFailure(run.runId, run.attemptNumber, {
        ...times,
        httpStatus: outcome.httpStatus,
        providerRequestId: outcome.providerRequestId,
        errorCode: outcome.code,
        errorMessage: outcome.message,
      });
      return applied ? 'failed' : null;
    }
    const { result } = outcome;
    const fullCost = provider ? costOfCall(provider, run.model, result.usage) : null;
    const applied = await execution.recordSuccess(run.runId, run.attemptNumber, {
      ...times,
      httpStatus: result.httpStatus,
      usage: result.usage,
      providerRequestId: result.providerRequestId,
      outputText: result.text,
      outputJson: result.json ?? null,
      finishReason: result.finishReason,
      costUsd: fullCost === null ? null : Math.round(fullCost * PROVIDER_BATCH_PRICE_FACTOR * 1e8) / 1e8,
    });
    return applied ? 'succeeded' : null;
  }

  private async failRuns(
    chunk: ProviderBatchView,
    runs: ClaimedProviderBatchRun[],
    code: Parameters<RunExecutionRepository['recordFailure']>[2]['errorCode'],
    message: string,
  ): Promise<void> {
    const now = new Date();
    for (const run of runs) {
      await this.deps.execution.recordFailure(run.runId, run.attemptNumber, {
        startedAt: now,
        finishedAt: now,
        latencyMs: 0,
        errorCode: code,
        errorMessage: message,
      });
    }
    this.deps.logger.warn(
      { batchId: chunk.batchId, file: chunk.chunkIndex, code },
      'provider batch runs failed',
    );
    if (runs[0]) await this.notify(runs[0], 'failed');
  }

  /** One event stands for the file: a watcher re-reads the batch's progress, however many runs changed. */
  private notify(run: ClaimedProviderBatchRun, status: 'succeeded' | 'failed'): Promise<void> {
    return notifyRunChanged(this.deps.events, {
      tenantId: run.tenantId,
      runId: run.runId,
      status,
      batchId: run.batchId,
    });
  }
}
