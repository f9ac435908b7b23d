import { GtrError, type Page, type RunStatus, type ScheduleFireView, type ScheduleView } from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { BatchesRepository } from '../batches/batches.repository';
import { ScheduleFireEntity } from '../entities/schedule-fire.entity';
import { ScheduleEntity } from '../entities/schedule.entity';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows, type Row } from '../sql/query-rows';
import { toJsonParam } from '../sql/to-json-param';
import { type CreateScheduleInput } from './create-schedule-input';
import { MAX_SCHEDULES_PAGE, type SchedulePageOptions } from './list-schedules-options';
import { decodeScheduleCursor, encodeScheduleCursor } from './schedule-cursor';
import { toScheduleFireView } from './schedule-fire-view.mapper';
import { toScheduleView } from './schedule-view.mapper';
import { type UpdateScheduleInput } from './update-schedule-input';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Schedules as the API sees them, by name. Every method takes the tenant id, so no query can
 * reach another tenant's schedules.
 */
export class SchedulesRepository {
  private readonly batches: BatchesRepository;

  constructor(private readonly dataSource: DataSource) {
    this.batches = new BatchesRepository(dataSource);
  }

  /**
   * Inserts a schedule.
   * @throws GtrError `E_CONFLICT` when the tenant already has a schedule with this name.
   */
  async create(tenantId: string, input: CreateScheduleInput): Promise<ScheduleView> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `INSERT INTO schedules (tenant_id, name, cron, interval_ms, timezone, target, enabled, overlap_policy,
                              missed_policy, next_fire_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT "UQ_schedules_tenant_name" DO NOTHING
       RETURNING *`,
      [
        tenantId,
        input.name,
        input.timing.cron,
        input.timing.intervalMs,
        input.timing.timezone,
        toJsonParam(input.target),
        input.enabled,
        input.overlapPolicy,
        input.missedPolicy,
        input.nextFireAt,
      ],
    );
    if (!rows[0]) throw new GtrError('E_CONFLICT', `A schedule named "${input.name}" already exists.`);
    return this.view(rows[0]);
  }

  /** The schedule, or null when the tenant has none with this name. */
  async find(tenantId: string, name: string): Promise<ScheduleView | null> {
    if (!isUuid(tenantId)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM schedules WHERE tenant_id = $1 AND name = $2',
      [tenantId, name],
    );
    return rows[0] ? this.view(rows[0]) : null;
  }

  /**
   * The tenant's schedules by name, one page (keyset on the unique name).
   * @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor this list did not give out.
   */
  async list(tenantId: string, options: SchedulePageOptions): Promise<Page<ScheduleView>> {
    const after = options.cursor === undefined ? null : decodeScheduleCursor(options.cursor, () => true);
    if (!isUuid(tenantId)) return { data: [], nextCursor: null };
    const limit = pageSize(options.limit);
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT * FROM schedules WHERE tenant_id = $1 AND ($2::text IS NULL OR name > $2)
       ORDER BY name LIMIT $3`,
      [tenantId, after, limit + 1],
    );
    const page = rows.slice(0, limit).map((row) => this.view(row));
    const last = page[page.length - 1];
    return { data: page, nextCursor: rows.length > limit && last ? encodeScheduleCursor(last.name) : null };
  }

  /** Changes the given fields; returns the schedule, or null when the tenant has none with this name. */
  async update(tenantId: string, name: string, input: UpdateScheduleInput): Promise<ScheduleView | null> {
    if (!isUuid(tenantId)) return null;
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [tenantId, name];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (input.timing) {
      set('cron', input.timing.cron);
      set('interval_ms', input.timing.intervalMs);
      set('timezone', input.timing.timezone);
    }
    if (input.target) set('target', toJsonParam(input.target), '::jsonb');
    if (input.enabled !== undefined) set('enabled', input.enabled);
    if (input.overlapPolicy) set('overlap_policy', input.overlapPolicy);
    if (input.missedPolicy) set('missed_policy', input.missedPolicy);
    if (input.nextFireAt !== undefined) set('next_fire_at', input.nextFireAt, '::timestamptz');
    const { rows } = await queryRows(
      this.dataSource.manager,
      `UPDATE schedules SET ${sets.join(', ')} WHERE tenant_id = $1 AND name = $2 RETURNING *`,
      params,
    );
    return rows[0] ? this.view(rows[0]) : null;
  }

  /**
   * Enables the schedule from `nextFireAt` on, or disables it (`nextFireAt` null). Returns the
   * schedule, or null when the tenant has none with this name.
   */
  setEnabled(
    tenantId: string,
    name: string,
    enabled: boolean,
    nextFireAt: Date | null,
  ): Promise<ScheduleView | null> {
    return this.update(tenantId, name, { enabled, nextFireAt: enabled ? nextFireAt : null });
  }

  /** Deletes the schedule and its history (its runs stay). False when there was none. */
  async delete(tenantId: string, name: string): Promise<boolean> {
    if (!isUuid(tenantId)) return false;
    const { affected } = await queryRows(
      this.dataSource.manager,
      'DELETE FROM schedules WHERE tenant_id = $1 AND name = $2 RETURNING id',
      [tenantId, name],
    );
    return affected > 0;
  }

  /**
   * The schedule's handled fire times, newest first, each with its run's current status; null
   * when the tenant has no schedule with this name.
   * @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor this list did not give out.
   */
  async history(
    tenantId: string,
    name: string,
    options: SchedulePageOptions,
  ): Promise<Page<ScheduleFireView> | null> {
    const before =
      options.cursor === undefined ? null : decodeScheduleCursor(options.cursor, (key) => ISO_TIME.test(key));
    if (!isUuid(tenantId)) return null;
    const schedule = await queryRows(
      this.dataSource.manager,
      'SELECT id FROM schedules WHERE tenant_id = $1 AND name = $2',
      [tenantId, name],
    );
    if (!schedule.rows[0]) return null;
    const limit = pageSize(options.limit);
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT f.*, r.status AS run_status
         FROM schedule_fires f LEFT JOIN runs r ON r.id = f.run_id
        WHERE f.schedule_id = $1 AND f.tenant_id = $2 AND ($3::timestamptz IS NULL OR f.due_at < $3)
        ORDER BY f.due_at DESC LIMIT $4`,
      [schedule.rows[0]['id'], tenantId, before, limit + 1],
    );
    const page: ScheduleFireView[] = [];
    for (const row of rows.slice(0, limit)) {
      const fire = hydrateEntity(this.dataSource, ScheduleFireEntity, row);
      // A batch's status is derived from its runs; the page is small, so read each one's.
      const batch = fire.batchId ? await this.batches.find(tenantId, fire.batchId) : null;
      page.push(
        toScheduleFireView(fire, (row['run_status'] as RunStatus | null) ?? null, batch?.status ?? null),
      );
    }
    const last = page[page.length - 1];
    return { data: page, nextCursor: rows.length > limit && last ? encodeScheduleCursor(last.dueAt) : null };
  }

  private view(row: Row): ScheduleView {
    return toScheduleView(hydrateEntity(this.dataSource, ScheduleEntity, row));
  }
}

function pageSize(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_SCHEDULES_PAGE);
}
