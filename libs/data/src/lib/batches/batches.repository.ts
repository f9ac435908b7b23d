import {
  type BatchView,
  type Page,
  type RunStatus,
  type RunView,
  OPERATOR_RETRY,
  RUN_STATUSES,
  allowedFrom,
  errorInfo,
  isTerminal,
} from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { BatchEntity } from '../entities/batch.entity';
import { RunEntity } from '../entities/run.entity';
import { toRunView } from '../mappers/run-view.mapper';
import { decodeRunCursor, encodeRunCursor } from '../runs/run-cursor';
import { type CreateRunInput } from '../runs/create-run-input';
import { type CreatedRunRef } from '../runs/created-run';
import { insertRunRows } from '../runs/insert-run-rows';
import { INSERT_CHUNK_SIZE } from '../runs/insert-runs.query';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows, type Row } from '../sql/query-rows';
import { toJsonParam } from '../sql/to-json-param';
import { type BatchResultRun } from './batch-result-run';
import { decodeBatchRowCursor, encodeBatchRowCursor } from './batch-row-cursor';
import { type BatchRunsOptions } from './batch-run-options';
import { batchRunStatsSql, type BatchRunStats, toBatchRunStats } from './batch-run-stats';
import { toBatchView } from './batch-view.mapper';
import { type CancelledBatchRun } from './cancelled-batch-run';
import { type BatchRunInput, type CreateBatchInput } from './create-batch-input';
import { type CreatedBatch } from './created-batch';
import { type PausedBatchChange, type ResumedRun } from './paused-batch-change';
import { type RetriedRun } from './retried-run';

const CANCELLABLE = allowedFrom('cancelled');
const UNFINISHED_RUN_STATUSES = RUN_STATUSES.filter((status) => !isTerminal(status));
/** Rows per page of `resultsInOrder`: bounds memory whatever the batch size. */
export const RESULTS_PAGE_SIZE = 1000;
const MAX_PAGE = 500;
const CURSOR_CREATED_AT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_created_at`;

/**
 * Batches and their runs. Every method takes the tenant id, so no query can reach another
 * tenant's batches. Progress is computed from the runs when read (served by `IDX_runs_batch_row`).
 */
export class BatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts a batch and all its runs in one transaction, the runs `queued` with `batch_row` =
   * their 1-based position in `runs`. `runs` may be an async stream: it is inserted as it is read,
   * in multi-row inserts of 1,000, so a large file never sits whole in memory; `beforeCommit`
   * (given how many runs were read) may still throw to roll everything back — e.g. once the
   * stream reports an invalid row — or return options to merge into the batch's `options`. A batch idempotency key the tenant used before returns that
   * batch with `created: false` and reads and inserts nothing. A run whose idempotency key
   * already ran is not inserted again: its id is returned (`created: false`) and, when it is in
   * no batch, it joins this one at its position.
   */
  async createWithRuns(
    tenantId: string,
    batch: CreateBatchInput,
    runs: Iterable<BatchRunInput> | AsyncIterable<BatchRunInput>,
    options: {
      beforeCommit?: (
        count: number,
      ) => Record<string, unknown> | void | Promise<Record<string, unknown> | void>;
    } = {},
  ): Promise<CreatedBatch> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await queryRows(
        manager,
        `INSERT INTO batches (tenant_id, task_id, task_version, name, status, total, queued_count, priority, options, idempotency_key, concurrency, mode)
         VALUES ($1, $2, $3, $4, 'queued', 0, 0, $5, $6::jsonb, $7, $8, $9)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          tenantId,
          batch.taskId ?? null,
          batch.taskVersion ?? null,
          batch.name ?? null,
          batch.priority ?? 0,
          toJsonParam(batch.options ?? {}),
          batch.idempotencyKey ?? null,
          batch.concurrency ?? null,
          batch.mode ?? 'queue',
        ],
      );
      const batchId = inserted.rows[0]?.['id'] as string | undefined;
      if (!batchId) {
        const existing = await queryRows(
          manager,
          'SELECT id FROM batches WHERE tenant_id = $1 AND idempotency_key = $2',
          [tenantId, batch.idempotencyKey ?? null],
        );
        const id = existing.rows[0]?.['id'] as string | undefined;
        if (!id) throw new Error('Batch insert was skipped but no batch holds its idempotency key');
        return { batchId: id, created: false, runs: [] };
      }
      const refs: CreatedRunRef[] = [];
      let chunk: CreateRunInput[] = [];
      const flush = async () => {
        refs.push(...(await insertRunRows(manager, tenantId, chunk)));
        chunk = [];
      };
      for await (const input of runs) {
        chunk.push({ ...input, batchId, batchRow: refs.length + chunk.length + 1, status: 'queued' });
        if (chunk.length >= INSERT_CHUNK_SIZE) await flush();
      }
      await flush();
      const moreOptions = (await options.beforeCommit?.(refs.length)) ?? {};
      const linked = refs.flatMap((ref, i) => (ref.created ? [] : [{ id: ref.id, row: i + 1 }]));
      let adopted = 0;
      if (linked.length > 0) {
        const result = await queryRows(
          manager,
          `UPDATE runs r SET batch_id = $1, batch_row = v.row
             FROM unnest($2::uuid[], $3::int[]) AS v(id, row)
            WHERE r.id = v.id AND r.tenant_id = $4 AND r.batch_id IS NULL
            RETURNING r.id`,
          [batchId, linked.map((l) => l.id), linked.map((l) => l.row), tenantId],
        );
        adopted = result.affected;
      }
      const total = refs.filter((ref) => ref.created).length + adopted;
      await queryRows(
        manager,
        'UPDATE batches SET total = $2, queued_count = $2, options = options || $3::jsonb WHERE id = $1',
        [batchId, total, toJsonParam(moreOptions)],
      );
      return { batchId, created: true, runs: refs };
    });
  }

  /** The batch with its progress, or null when the tenant has no batch with this id. */
  async find(tenantId: string, id: string): Promise<BatchView | null> {
    const batch = await this.findRow(tenantId, id);
    if (!batch) return null;
    const { rows } = await queryRows(this.dataSource.manager, batchRunStatsSql(false), [id]);
    return toBatchView(this.batchEntity(batch), rows.map(toBatchRunStats));
  }

  /** The batch the tenant created with this idempotency key, or null. */
  async findByIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<BatchView | null> {
    if (!isUuid(tenantId)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      'SELECT id FROM batches WHERE tenant_id = $1 AND idempotency_key = $2',
      [tenantId, idempotencyKey],
    );
    const id = rows[0]?.['id'] as string | undefined;
    return id ? this.find(tenantId, id) : null;
  }

  /** The tenant's batches, newest first, keyset-paged (`IDX_batches_tenant_created`). */
  async list(tenantId: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<BatchView>> {
    const cursor = options.cursor === undefined ? null : decodeRunCursor(options.cursor);
    if (!isUuid(tenantId)) return { data: [], nextCursor: null };
    const limit = clampLimit(options.limit, 50);
    const params: unknown[] = [tenantId];
    let where = 'tenant_id = $1';
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where += ' AND (created_at, id) < ($2::timestamptz, $3::uuid)';
    }
    params.push(limit + 1);
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT *, ${CURSOR_CREATED_AT} FROM batches WHERE ${where}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const stats = await this.statsOf(page.map((row) => row['id'] as string));
    const last = page[page.length - 1];
    return {
      data: page.map((row) => toBatchView(this.batchEntity(row), stats.get(row['id'] as string) ?? [])),
      nextCursor:
        rows.length > limit && last
          ? encodeRunCursor({ createdAt: last['cursor_created_at'] as string, id: last['id'] as string })
          : null,
    };
  }

  /**
   * The batch's runs in input order (`batch_row`), optionally by status, keyset-paged. Null when
   * the tenant has no batch with this id.
   * @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor this list did not give out.
   */
  async runs(tenantId: string, id: string, options: BatchRunsOptions = {}): Promise<Page<RunView> | null> {
    const after = options.cursor === undefined ? 0 : decodeBatchRowCursor(options.cursor);
    if (!(await this.findRow(tenantId, id))) return null;
    const limit = clampLimit(options.limit, 100);
    const rows = await this.runRows(tenantId, id, options.status, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map((row) => this.runView(row)),
      nextCursor: rows.length > limit && last ? encodeBatchRowCursor(last['batch_row'] as number) : null,
    };
  }

  /**
   * Every run of the batch in input order, optionally only those in `status`, read in keyset
   * pages of `RESULTS_PAGE_SIZE` as it is iterated: never the whole batch in memory. Yields
   * nothing for a batch the tenant does not have.
   */
  async *resultsInOrder(
    tenantId: string,
    id: string,
    status?: readonly RunStatus[],
  ): AsyncGenerator<BatchResultRun> {
    if (!(await this.findRow(tenantId, id))) return;
    let after = 0;
    for (;;) {
      const rows = await this.runRows(tenantId, id, status, after, RESULTS_PAGE_SIZE);
      for (const row of rows) {
        yield {
          batchRow: row['batch_row'] as number,
          rowId: (row['batch_row_id'] as string | null) ?? null,
          run: this.runView(row),
        };
      }
      if (rows.length < RESULTS_PAGE_SIZE) return;
      after = rows[rows.length - 1]['batch_row'] as number;
    }
  }

  /**
   * Cancels every unfinished run of the batch and marks the batch cancelled, in one statement
   * guarded on each run's status (a run that finishes meanwhile keeps its result). Returns the
   * runs it cancelled — none when all had finished, and then the batch keeps its status — or
   * null when the tenant has no batch with this id.
   */
  async cancel(tenantId: string, id: string): Promise<CancelledBatchRun[] | null> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `WITH b AS (SELECT id FROM batches WHERE id = $1 AND tenant_id = $2),
            old AS (SELECT r.id, r.status FROM runs r JOIN b ON r.batch_id = b.id
                     WHERE r.status = ANY($3::text[]) FOR UPDATE OF r),
            cancelled AS (
              UPDATE runs r
                 SET status = 'cancelled', finished_at = now(), next_attempt_at = NULL,
                     error_code = 'E_CANCELLED', error_message = $4
                FROM old
               WHERE r.id = old.id AND r.status = ANY($3::text[])
              RETURNING r.id, old.status AS previous_status),
            batch AS (
              UPDATE batches SET status = 'cancelled', finished_at = now()
               WHERE id IN (SELECT id FROM b) AND EXISTS (SELECT 1 FROM old)
              RETURNING id)
       SELECT b.id AS batch_id, c.id, c.previous_status FROM b LEFT JOIN cancelled c ON true`,
      [id, tenantId, CANCELLABLE, errorInfo('E_CANCELLED').message],
    );
    if (rows.length === 0) return null;
    return rows
      .filter((row) => row['id'] !== null)
      .map((row) => ({ runId: row['id'] as string, previousStatus: row['previous_status'] as RunStatus }));
  }

  /**
   * Puts the batch's failed runs back to `queued` (guarded on `failed`: the operator retry of
   * `OPERATOR_RETRY`, the one exit from a terminal status), each with
   * `max_attempts` raised by its `attempt_count` so it gets as many fresh attempts as it first
   * had, and its error cleared. Returns them for enqueueing (as attempt `attemptCount + 1`), or
   * null when the tenant has no batch with this id.
   */
  async retryFailed(tenantId: string, id: string): Promise<RetriedRun[] | null> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `WITH b AS (SELECT id FROM batches WHERE id = $1 AND tenant_id = $2),
            retried AS (
              UPDATE runs r
                 SET status = '${OPERATOR_RETRY.to}', max_attempts = r.max_attempts + r.attempt_count,
                     error_code = NULL, error_message = NULL, finished_at = NULL,
                     next_attempt_at = NULL, queued_at = now()
                FROM b
               WHERE r.batch_id = b.id AND r.status = '${OPERATOR_RETRY.from}'
              RETURNING r.id, r.attempt_count),
            batch AS (
              UPDATE batches
                 SET status = CASE WHEN status = 'paused' THEN 'paused' ELSE 'running' END, finished_at = NULL
               WHERE id IN (SELECT id FROM b) AND EXISTS (SELECT 1 FROM retried)
              RETURNING id)
       SELECT b.id AS batch_id, r.id, r.attempt_count FROM b LEFT JOIN retried r ON true`,
      [id, tenantId],
    );
    if (rows.length === 0) return null;
    return rows
      .filter((row) => row['id'] !== null)
      .map((row) => ({ runId: row['id'] as string, attemptCount: row['attempt_count'] as number }));
  }

  /**
   * Pauses a batch that still has unfinished runs: no run of it is claimed until it is resumed
   * (the claim is guarded on it); calls already in flight finish. Null when the tenant has no
   * batch with this id.
   */
  async pause(tenantId: string, id: string): Promise<PausedBatchChange | null> {
    return this.changeStatus(
      tenantId,
      id,
      `UPDATE batches SET status = 'paused'
        WHERE id IN (SELECT id FROM b) AND status IN ('queued', 'running')
          AND EXISTS (SELECT 1 FROM runs r WHERE r.batch_id = $1 AND r.status = ANY($3::text[]))
        RETURNING status`,
      [UNFINISHED_RUN_STATUSES],
    );
  }

  /**
   * Resumes a paused batch and returns its runs that wait for a worker (queued, or retrying
   * with their retry time, which may still be ahead) for enqueueing. Null when the tenant has
   * no batch with this id; `changed` false (and no runs) when it was not paused.
   */
  async resume(tenantId: string, id: string): Promise<(PausedBatchChange & { runs: ResumedRun[] }) | null> {
    const change = await this.changeStatus(
      tenantId,
      id,
      `UPDATE batches SET status = 'running' WHERE id IN (SELECT id FROM b) AND status = 'paused' RETURNING status`,
    );
    if (!change?.changed) return change && { ...change, runs: [] };
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT id, attempt_count,
              GREATEST(0, EXTRACT(EPOCH FROM (queued_at - now())) * 1000)::bigint AS delay_ms
         FROM runs WHERE batch_id = $1 AND status IN ('queued', 'retrying') ORDER BY batch_row`,
      [id],
    );
    return {
      ...change,
      runs: rows.map((row) => ({
        runId: row['id'] as string,
        attemptCount: row['attempt_count'] as number,
        delayMs: Number(row['delay_ms']),
      })),
    };
  }

  /**
   * Runs `update` (`$1` batch id, `$3…` `params`) on the tenant's batch. The update must be
   * guarded on `id IN (SELECT id FROM b)`: a data-modifying CTE runs even when `b` is empty.
   */
  private async changeStatus(
    tenantId: string,
    id: string,
    update: string,
    params: unknown[] = [],
  ): Promise<PausedBatchChange | null> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `WITH b AS (SELECT id, status FROM batches WHERE id = $1 AND tenant_id = $2),
            changed AS (${update})
       SELECT COALESCE((SELECT status FROM changed), b.status) AS status,
              EXISTS (SELECT 1 FROM changed) AS changed
         FROM b`,
      [id, tenantId, ...params],
    );
    const row = rows[0];
    if (!row) return null;
    return { changed: row['changed'] as boolean, status: row['status'] as string };
  }

  private async runRows(
    tenantId: string,
    id: string,
    status: readonly RunStatus[] | undefined,
    afterRow: number,
    limit: number,
  ): Promise<Row[]> {
    const params: unknown[] = [id, tenantId, afterRow, limit];
    let filter = '';
    if (status && status.length > 0) {
      params.push([...status]);
      filter = ' AND status = ANY($5::text[])';
    }
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT * FROM runs WHERE batch_id = $1 AND tenant_id = $2 AND batch_row > $3${filter}
        ORDER BY batch_row LIMIT $4`,
      params,
    );
    return rows;
  }

  private async statsOf(batchIds: readonly string[]): Promise<Map<string, BatchRunStats[]>> {
    const byBatch = new Map<string, BatchRunStats[]>();
    if (batchIds.length === 0) return byBatch;
    const { rows } = await queryRows(this.dataSource.manager, batchRunStatsSql(true), [[...batchIds]]);
    for (const row of rows) {
      const list = byBatch.get(row['batch_id'] as string) ?? [];
      list.push(toBatchRunStats(row));
      byBatch.set(row['batch_id'] as string, list);
    }
    return byBatch;
  }

  private async findRow(tenantId: string, id: string): Promise<Row | null> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM batches WHERE id = $1 AND tenant_id = $2',
      [id, tenantId],
    );
    return rows[0] ?? null;
  }

  private batchEntity(row: Row): BatchEntity {
    return hydrateEntity(this.dataSource, BatchEntity, row);
  }

  private runView(row: Row): RunView {
    return toRunView(hydrateEntity(this.dataSource, RunEntity, row));
  }
}

function clampLimit(limit: number | undefined, fallback: number): number {
  return Math.min(Math.max(Math.trunc(limit ?? fallback), 1), MAX_PAGE);
}
