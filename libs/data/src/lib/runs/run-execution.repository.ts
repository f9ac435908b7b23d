import { allowedFrom, type RunStatus } from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { RunEntity } from '../entities/run.entity';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows } from '../sql/query-rows';
import { toJsonParam } from '../sql/to-json-param';
import { type ResponseCacheEntry } from '../response-cache/response-cache-entry';
import { DUE_RUNS_SQL, STALE_RUNNING_SQL } from './recovery.queries';
import {
  type AttemptFacts,
  type AttemptFailure,
  type AttemptSuccess,
  type ClaimedRun,
  type RunRef,
  type StaleRun,
} from './run-execution.types';

const CLAIMABLE = allowedFrom('running');
// Completing, failing and releasing are for the claim's owner, so they start from `running`
// only (the state machine allows running → succeeded | failed | retrying | queued).

/**
 * The attempt row is inserted from the run UPDATE's RETURNING, so both happen in one
 * statement or not at all. `$1` run id, `$2` attempt number, `$3…$14` attempt facts.
 */
const INSERT_ATTEMPT_FROM_R = `
  INSERT INTO run_attempts (run_id, number, started_at, finished_at, latency_ms, http_status,
    rate_limit_wait_ms, prompt_tokens, completion_tokens, total_tokens, cached_tokens,
    provider_request_id, error_code, error_message, worker_id)
  SELECT r.id, r.attempt_count, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, r.claimed_by FROM r
  RETURNING run_id`;

/**
 * Adds this attempt's usage and cost to the run's totals (`$8…$11` tokens, `$15` cost).
 * A run's usage stays null until some attempt reports one.
 */
const ADD_USAGE = `
  prompt_tokens = CASE WHEN $8::int IS NULL THEN prompt_tokens ELSE COALESCE(prompt_tokens, 0) + $8::int END,
  completion_tokens = CASE WHEN $9::int IS NULL THEN completion_tokens ELSE COALESCE(completion_tokens, 0) + $9::int END,
  total_tokens = CASE WHEN $10::int IS NULL THEN total_tokens ELSE COALESCE(total_tokens, 0) + $10::int END,
  cached_tokens = CASE WHEN $11::int IS NULL THEN cached_tokens ELSE COALESCE(cached_tokens, 0) + $11::int END,
  cost_usd = CASE WHEN $15::numeric IS NULL THEN cost_usd ELSE COALESCE(cost_usd, 0) + $15::numeric END`;

function attemptParams(
  runId: string,
  attemptNumber: number,
  facts: AttemptFacts,
  error: { code: string; message: string } | null,
): unknown[] {
  return [
    runId,
    attemptNumber,
    facts.startedAt,
    facts.finishedAt,
    Math.round(facts.latencyMs),
    facts.httpStatus ?? null,
    Math.round(facts.rateLimitWaitMs ?? 0),
    facts.usage?.promptTokens ?? null,
    facts.usage?.completionTokens ?? null,
    facts.usage?.totalTokens ?? null,
    facts.usage?.cachedTokens ?? null,
    facts.providerRequestId ?? null,
    error?.code ?? null,
    error?.message ?? null,
    facts.costUsd ?? null,
  ];
}

function runRefOf(row: Record<string, unknown>): RunRef {
  const batchId = row['batch_id'] as string | null;
  const concurrency = row['batch_concurrency'] as number | null;
  return {
    runId: row['id'] as string,
    tenantId: row['tenant_id'] as string,
    attemptCount: row['attempt_count'] as number,
    batch: batchId !== null && concurrency !== null ? { id: batchId, concurrency } : null,
  };
}

/**
 * Worker-side run transitions, keyed by run id. Each is one guarded UPDATE
 * (`WHERE id = $1 AND status = ANY($expected)`), so two workers never both own or complete
 * a run, and a late duplicate changes nothing and reports so.
 */
export class RunExecutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Moves a queued or retrying run to running under `workerId` and returns what the worker
   * needs to execute it, or null when it is not claimable (already claimed, finished,
   * cancelled, unknown, or in a paused batch: resuming enqueues it again). Each claim gets the next attempt number, so a worker that lost
   * its claim can never record a result over the new owner's.
   */
  async claim(runId: string, workerId: string): Promise<ClaimedRun | null> {
    if (!isUuid(runId)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `UPDATE runs
         SET status = 'running', attempt_count = attempt_count + 1, claimed_by = $2, claimed_at = now(),
             started_at = COALESCE(started_at, now()), next_attempt_at = NULL
       WHERE id = $1 AND status = ANY($3::text[])
         AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.id = runs.batch_id AND b.status = 'paused')
       RETURNING *`,
      [runId, workerId, CLAIMABLE],
      { name: 'gtr_run_claim' },
    );
    if (!rows[0]) return null;
    const run = hydrateEntity(this.dataSource, RunEntity, rows[0]);
    return {
      runId: run.id,
      tenantId: run.tenantId,
      batchId: run.batchId,
      createdAt: run.createdAt,
      attemptNumber: run.attemptCount,
      maxAttempts: run.maxAttempts,
      timeoutMs: run.timeoutMs,
      provider: run.provider,
      model: run.model,
      messages: run.messages,
      params: run.params,
      outputSchema: run.outputSchema,
      cacheTtlSeconds: run.cacheTtlSeconds,
    };
  }

  /**
   * Records the attempt and completes the run as succeeded, in one statement. Returns false
   * (and writes nothing) unless the run is still running under this attempt number.
   */
  async recordSuccess(runId: string, attemptNumber: number, result: AttemptSuccess): Promise<boolean> {
    if (!isUuid(runId)) return false;
    const params = [
      ...attemptParams(runId, attemptNumber, result, null),
      result.outputText,
      toJsonParam(result.outputJson),
      result.finishReason,
    ];
    const { rows } = await queryRows(
      this.dataSource.manager,
      `WITH r AS (
         UPDATE runs SET status = 'succeeded', finished_at = now(), next_attempt_at = NULL,
           output_text = $16, output_json = $17::jsonb, finish_reason = $18,
           error_code = NULL, error_message = NULL, ${ADD_USAGE}
         WHERE id = $1 AND status = 'running' AND attempt_count = $2
         RETURNING id, attempt_count, claimed_by
       ) ${INSERT_ATTEMPT_FROM_R}`,
      params,
      { name: 'gtr_run_success' },
    );
    return rows.length > 0;
  }

  /**
   * Completes the run as succeeded with an answer from the response cache, in one statement
   * guarded like {@link recordSuccess}: `cached = true`, the entry's output, finish reason and
   * usage, and no cost added (`cost_usd` keeps what earlier attempts cost, 0 if none). The claim
   * is stored as an attempt like any other, so the attempts list still shows every claim: no HTTP
   * status, no usage (no tokens were spent on it), `latency_ms` the time of the lookup.
   * Returns false (and writes nothing) unless the run is still running under this attempt number.
   */
  async recordCacheHit(
    runId: string,
    attemptNumber: number,
    entry: ResponseCacheEntry,
    lookup: { startedAt: Date; finishedAt: Date } = { startedAt: new Date(), finishedAt: new Date() },
  ): Promise<boolean> {
    if (!isUuid(runId)) return false;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `WITH r AS (
         UPDATE runs SET status = 'succeeded', cached = true, finished_at = now(), next_attempt_at = NULL,
           output_text = $3, output_json = $4::jsonb, finish_reason = $5,
           error_code = NULL, error_message = NULL,
           prompt_tokens = $6, completion_tokens = $7, total_tokens = $8, cached_tokens = $9,
           cost_usd = COALESCE(cost_usd, 0)
         WHERE id = $1 AND status = 'running' AND attempt_count = $2
         RETURNING id, attempt_count, claimed_by
       )
       INSERT INTO run_attempts (run_id, number, started_at, finished_at, latency_ms, worker_id)
       SELECT r.id, r.attempt_count, $10, $11, $12, r.claimed_by FROM r
       RETURNING run_id`,
      [
        runId,
        attemptNumber,
        entry.outputText,
        toJsonParam(entry.outputJson),
        entry.finishReason,
        entry.usage.promptTokens,
        entry.usage.completionTokens,
        entry.usage.totalTokens,
        entry.usage.cachedTokens,
        lookup.startedAt,
        lookup.finishedAt,
        Math.max(0, Math.round(lookup.finishedAt.getTime() - lookup.startedAt.getTime())),
      ],
    );
    return rows.length > 0;
  }

  /**
   * Records the failed attempt and, in the same statement, fails the run or (with `retryAt`)
   * moves it to retrying until then. Returns false (and writes nothing) unless the run is
   * still running under this attempt number.
   */
  async recordFailure(
    runId: string,
    attemptNumber: number,
    failure: AttemptFailure,
    options: { retryAt?: Date } = {},
  ): Promise<boolean> {
    if (!isUuid(runId)) return false;
    const retryAt = options.retryAt ?? null;
    const params = [
      ...attemptParams(runId, attemptNumber, failure, {
        code: failure.errorCode,
        message: failure.errorMessage,
      }),
      retryAt,
    ];
    const { rows } = await queryRows(
      this.dataSource.manager,
      `WITH r AS (
         UPDATE runs SET
           status = CASE WHEN $16::timestamptz IS NULL THEN 'failed' ELSE 'retrying' END,
           finished_at = CASE WHEN $16::timestamptz IS NULL THEN now() ELSE NULL END,
           next_attempt_at = $16::timestamptz,
           queued_at = COALESCE($16::timestamptz, queued_at),
           error_code = $13, error_message = $14, ${ADD_USAGE}
         WHERE id = $1 AND status = 'running' AND attempt_count = $2
         RETURNING id, attempt_count, claimed_by
       ) ${INSERT_ATTEMPT_FROM_R}`,
      params,
      { name: 'gtr_run_failure' },
    );
    return rows.length > 0;
  }

  /**
   * Gives a running run back to the queue without recording an attempt: for a worker shutting
   * down, or the reconciler recovering a run whose worker died. With `attemptNumber`, only if
   * that claim is still the current one. The attempt number is not reused.
   */
  async release(runId: string, attemptNumber?: number): Promise<boolean> {
    if (!isUuid(runId)) return false;
    const { affected } = await queryRows(
      this.dataSource.manager,
      `UPDATE runs SET status = 'queued', queued_at = now(), claimed_by = NULL, claimed_at = NULL
       WHERE id = $1 AND status = 'running' AND ($2::int IS NULL OR attempt_count = $2::int)`,
      [runId, attemptNumber ?? null],
    );
    return affected > 0;
  }

  /**
   * Confirms that `workerId` still holds these running runs (`claimed_at = now()`), so the
   * reconciler never takes a live claim for a dead one, however long its call or rate-limit
   * wait lasts. Returns how many it still held.
   */
  async heartbeat(runIds: readonly string[], workerId: string): Promise<number> {
    const ids = runIds.filter(isUuid);
    if (ids.length === 0) return 0;
    const { affected } = await queryRows(
      this.dataSource.manager,
      `UPDATE runs SET claimed_at = now()
        WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND status = 'running'`,
      [ids, workerId],
    );
    return affected;
  }

  /** Running runs whose claim was last confirmed more than `olderThanMs` ago, oldest first. */
  async findStaleRunning(olderThanMs: number, limit: number): Promise<StaleRun[]> {
    const { rows } = await queryRows(this.dataSource.manager, STALE_RUNNING_SQL, [olderThanMs, limit]);
    return rows.map((row) => ({ ...runRefOf(row), claimedBy: row['claimed_by'] as string | null }));
  }

  /**
   * Runs due for a worker for more than `olderThanMs`: queued ones, and retrying ones whose
   * retry time passed. The reconciler re-enqueues those the queue lost.
   */
  async findQueued(olderThanMs: number, limit: number): Promise<RunRef[]> {
    const { rows } = await queryRows(this.dataSource.manager, DUE_RUNS_SQL, [olderThanMs, limit]);
    return rows.map(runRefOf);
  }

  /** The run's status, or null for an unknown run. */
  async getStatus(runId: string): Promise<RunStatus | null> {
    if (!isUuid(runId)) return null;
    const { rows } = await queryRows(this.dataSource.manager, 'SELECT status FROM runs WHERE id = $1', [
      runId,
    ]);
    return (rows[0]?.['status'] as RunStatus | undefined) ?? null;
  }
}
