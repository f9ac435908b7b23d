import { randomUUID } from 'node:crypto';
import { allowedFrom, errorInfo, type Page, type RunDetailView, type RunView } from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { RunAttemptEntity } from '../entities/run-attempt.entity';
import { RunEntity } from '../entities/run.entity';
import { toRunDetailView, toRunView } from '../mappers/run-view.mapper';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows, type Row } from '../sql/query-rows';
import { type CreateRunInput } from './create-run-input';
import { type CreatedRun, type CreatedRunRef } from './created-run';
import { buildInsertRunsQuery } from './insert-runs.query';
import { insertRunRows } from './insert-run-rows';
import { buildListRunsQuery } from './list-runs.query';
import { type ListRunsOptions, MAX_RUNS_PAGE } from './list-runs-options';
import { decodeRunCursor, encodeRunCursor } from './run-cursor';

const CANCELLABLE = allowedFrom('cancelled');

/**
 * Runs as the API sees them. Every method takes the tenant id, so no query can reach
 * another tenant's runs.
 */
export class RunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts one run. When the tenant already has a run with the same idempotency key,
   * returns that run with `created: false` instead.
   */
  async create(tenantId: string, input: CreateRunInput): Promise<CreatedRun> {
    const query = buildInsertRunsQuery(tenantId, [{ id: randomUUID(), input }], '*');
    const { rows } = await queryRows(this.dataSource.manager, query.sql, query.params);
    if (rows[0]) return { run: this.view(rows[0]), created: true };
    const existing = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM runs WHERE tenant_id = $1 AND idempotency_key = $2',
      [tenantId, input.idempotencyKey ?? null],
    );
    if (!existing.rows[0]) throw new Error('Run insert was skipped but no run holds its idempotency key');
    return { run: this.view(existing.rows[0]), created: false };
  }

  /**
   * Inserts many runs in one transaction, in multi-row statements of `INSERT_CHUNK_SIZE`.
   * Returns each input's run id in input order; inputs whose idempotency key was used before
   * (or earlier in the same call) get the existing run's id and `created: false`.
   */
  async createMany(tenantId: string, inputs: readonly CreateRunInput[]): Promise<CreatedRunRef[]> {
    if (inputs.length === 0) return [];
    return this.dataSource.transaction((manager) => insertRunRows(manager, tenantId, inputs));
  }

  /** The run, or null when the tenant has no run with this id. */
  async findById(tenantId: string, id: string): Promise<RunView | null> {
    const row = await this.findRow(tenantId, id);
    return row ? this.view(row) : null;
  }

  /** The run with its attempts in order, or null when the tenant has no run with this id. */
  async findDetail(tenantId: string, id: string): Promise<RunDetailView | null> {
    const row = await this.findRow(tenantId, id);
    if (!row) return null;
    const attempts = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM run_attempts WHERE run_id = $1 ORDER BY number',
      [id],
    );
    return toRunDetailView(
      hydrateEntity(this.dataSource, RunEntity, row),
      attempts.rows.map((attempt) => hydrateEntity(this.dataSource, RunAttemptEntity, attempt)),
    );
  }

  /**
   * The tenant's runs, newest first, optionally filtered by status and batch. Pages by keyset,
   * so a page is as fast at the end of the list as at its start and rows never repeat.
   * @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor this list did not give out.
   */
  async list(tenantId: string, options: ListRunsOptions): Promise<Page<RunView>> {
    const cursor = options.cursor === undefined ? null : decodeRunCursor(options.cursor);
    if (!isUuid(tenantId) || (options.batchId !== undefined && !isUuid(options.batchId))) {
      return { data: [], nextCursor: null };
    }
    const limit = Math.min(Math.max(Math.trunc(options.limit), 1), MAX_RUNS_PAGE);
    const query = buildListRunsQuery(tenantId, options, limit, cursor);
    const { rows } = await queryRows(this.dataSource.manager, query.sql, query.params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map((row) => this.view(row)),
      nextCursor:
        rows.length > limit && last
          ? encodeRunCursor({ createdAt: last['cursor_created_at'] as string, id: last['id'] as string })
          : null,
    };
  }

  /**
   * Cancels the run if it has not finished. Returns the cancelled run, or null when the tenant
   * has no such run or it already finished. A worker still calling the provider loses its claim:
   * its result is then discarded.
   */
  async cancel(tenantId: string, id: string): Promise<RunView | null> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `UPDATE runs
         SET status = 'cancelled', finished_at = now(), next_attempt_at = NULL,
             error_code = 'E_CANCELLED', error_message = $4
       WHERE id = $1 AND tenant_id = $2 AND status = ANY($3::text[])
       RETURNING *`,
      [id, tenantId, CANCELLABLE, errorInfo('E_CANCELLED').message],
    );
    return rows[0] ? this.view(rows[0]) : null;
  }

  private async findRow(tenantId: string, id: string): Promise<Row | null> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM runs WHERE id = $1 AND tenant_id = $2',
      [id, tenantId],
    );
    return rows[0] ?? null;
  }

  private view(row: Row): RunView {
    return toRunView(hydrateEntity(this.dataSource, RunEntity, row));
  }
}
