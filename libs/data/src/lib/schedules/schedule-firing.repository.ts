import { randomUUID } from 'node:crypto';
import {
  type BatchViewStatus,
  allowedFrom,
  isTerminal,
  RUN_STATUSES,
  type RunStatus,
  type RunView,
  type ScheduleFireView,
  type ScheduleTarget,
} from '@gtr/domain';
import { type DataSource, type EntityManager } from 'typeorm';
import { RunEntity } from '../entities/run.entity';
import { ScheduleFireEntity } from '../entities/schedule-fire.entity';
import { ScheduleEntity } from '../entities/schedule.entity';
import { toRunView } from '../mappers/run-view.mapper';
import { buildInsertRunsQuery } from '../runs/insert-runs.query';
import { hydrateEntity } from '../sql/hydrate-entity';
import { queryRows, type Row } from '../sql/query-rows';
import { type DueFireClaim } from './due-fire-claim';
import { type DueSchedule } from './due-schedule';
import { type FireCommand, type FireResult } from './fire-command';
import { toScheduleFireView } from './schedule-fire-view.mapper';

const ACTIVE_RUN_STATUSES = RUN_STATUSES.filter((status) => !isTerminal(status));
const CANCELLABLE = allowedFrom('cancelled');

/** How many of a schedule's latest runs the overlap check looks at. */
export const OVERLAP_LOOKBACK = 20;

/** A run of a schedule that has not finished. */
export interface ActiveScheduleRun {
  id: string;
  status: RunStatus;
}

/**
 * What the scheduler does with schedules, across tenants: find the due ones, claim a fire time,
 * and record what became of it. Claims are guarded updates and fire times are unique per
 * schedule, so any number of schedulers may run these at once and each fire time is handled once.
 */
export class ScheduleFiringRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Enabled schedules whose next fire time is not after `now`, earliest first, at most `limit`
   * (served by `IDX_schedules_due` on (enabled, next_fire_at)).
   */
  async findDue(now: Date, limit: number): Promise<DueSchedule[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT * FROM schedules WHERE enabled = true AND next_fire_at <= $1 ORDER BY next_fire_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => {
      const schedule = hydrateEntity(this.dataSource, ScheduleEntity, row);
      return {
        id: schedule.id,
        tenantId: schedule.tenantId,
        name: schedule.name,
        cron: schedule.cron,
        intervalMs: schedule.intervalMs,
        timezone: schedule.timezone,
        target: schedule.target as ScheduleTarget,
        overlapPolicy: schedule.overlapPolicy,
        missedPolicy: schedule.missedPolicy,
        nextFireAt: schedule.nextFireAt as Date,
      };
    });
  }

  /**
   * Moves the schedule's next fire time on, in one guarded update that only one of any number
   * of concurrent callers wins: it holds while the schedule is enabled, still has
   * `expectedNextFireAt` (and, when given, still has `timing`). True for the winner.
   */
  claimDueFire(claim: DueFireClaim): Promise<boolean> {
    return this.claim(this.dataSource.manager, claim);
  }

  /** The unfinished runs among the schedule's latest {@link OVERLAP_LOOKBACK} runs, newest first. */
  async activeRuns(scheduleId: string): Promise<ActiveScheduleRun[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT r.id, r.status
         FROM (SELECT run_id, due_at FROM schedule_fires
                WHERE schedule_id = $1 AND run_id IS NOT NULL ORDER BY due_at DESC LIMIT $2) f
         JOIN runs r ON r.id = f.run_id
        WHERE r.status = ANY($3::text[])
        ORDER BY f.due_at DESC`,
      [scheduleId, OVERLAP_LOOKBACK, ACTIVE_RUN_STATUSES],
    );
    return rows.map((row) => ({ id: row['id'] as string, status: row['status'] as RunStatus }));
  }

  /**
   * The batches among the schedule's latest {@link OVERLAP_LOOKBACK} batch fires that still have
   * an unfinished run, newest first (`IDX_schedule_fires_schedule_batch`, then `IDX_runs_batch_row`).
   */
  async activeBatches(scheduleId: string): Promise<string[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT f.batch_id
         FROM (SELECT batch_id, due_at FROM schedule_fires
                WHERE schedule_id = $1 AND batch_id IS NOT NULL ORDER BY due_at DESC LIMIT $2) f
        WHERE EXISTS (SELECT 1 FROM runs r WHERE r.batch_id = f.batch_id AND r.status = ANY($3::text[]))
        ORDER BY f.due_at DESC`,
      [scheduleId, OVERLAP_LOOKBACK, ACTIVE_RUN_STATUSES],
    );
    return rows.map((row) => row['batch_id'] as string);
  }

  /**
   * Deletes old history, across schedules, in one statement: the fires beyond each schedule's
   * latest `keepLast`, and those due before `olderThan` (either limit null: not applied), at most
   * `limit` fires per call. Guarded: a schedule's latest fire, and a fire whose run or batch is
   * unfinished, always stay (the overlap policies read them). Returns how many were deleted.
   */
  async purgeHistory(options: {
    keepLast: number | null;
    olderThan: Date | null;
    limit: number;
  }): Promise<number> {
    if (options.keepLast === null && options.olderThan === null) return 0;
    const { affected } = await queryRows(
      this.dataSource.manager,
      `WITH ranked AS (
              SELECT id, run_id, batch_id, due_at,
                     row_number() OVER (PARTITION BY schedule_id ORDER BY due_at DESC) AS rank
                FROM schedule_fires),
            doomed AS (
              SELECT f.id FROM ranked f
               WHERE f.rank > 1
                 AND (($1::int IS NOT NULL AND f.rank > $1::int) OR ($2::timestamptz IS NOT NULL AND f.due_at < $2::timestamptz))
                 AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = f.run_id AND r.status = ANY($3::text[]))
                 AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.batch_id = f.batch_id AND r.status = ANY($3::text[]))
               LIMIT $4)
       DELETE FROM schedule_fires s USING doomed WHERE s.id = doomed.id RETURNING s.id`,
      [options.keepLast, options.olderThan, ACTIVE_RUN_STATUSES, options.limit],
    );
    return affected;
  }

  /**
   * Claims the fire time and records its outcome in one transaction: the claim (see
   * {@link claimDueFire}), the fire row (unique per schedule and fire time: a second guard),
   * and for a created fire the cancellation of earlier runs and the new `queued` run (or the link
   * to the batch the caller created). The caller enqueues the run after this resolves; if it
   * cannot, the reconciler will.
   */
  async fire(command: FireCommand): Promise<FireResult> {
    return this.dataSource.transaction(async (manager): Promise<FireResult> => {
      if (!(await this.claim(manager, command))) return { outcome: 'lost' };
      const { outcome } = command;
      const inserted = await queryRows(
        manager,
        `INSERT INTO schedule_fires (schedule_id, tenant_id, due_at, fired_at, status, reason)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT "UQ_schedule_fires_schedule_due" DO NOTHING
         RETURNING *`,
        [
          command.scheduleId,
          command.tenantId,
          command.dueAt,
          command.firedAt,
          outcome.status,
          outcome.reason ?? null,
        ],
      );
      if (!inserted.rows[0]) return { outcome: 'duplicate' };
      let fireRow = inserted.rows[0];
      if (outcome.status !== 'created')
        return { outcome: 'fired', fire: this.fireView(fireRow, null), run: null, cancelled: [] };
      if ('batchId' in outcome) {
        fireRow = (
          await queryRows(manager, 'UPDATE schedule_fires SET batch_id = $2 WHERE id = $1 RETURNING *', [
            fireRow['id'],
            outcome.batchId,
          ])
        ).rows[0];
        return { outcome: 'fired', fire: this.fireView(fireRow, null, 'queued'), run: null, cancelled: [] };
      }

      const cancelled = outcome.cancel
        ? await this.cancelRuns(manager, command.tenantId, outcome.cancel)
        : [];
      const runId = randomUUID();
      const query = buildInsertRunsQuery(
        command.tenantId,
        [{ id: runId, input: { ...outcome.run, scheduleId: command.scheduleId } }],
        '*',
      );
      const runRows = await queryRows(manager, query.sql, query.params);
      const run = this.runView(runRows.rows[0]);
      fireRow = (
        await queryRows(manager, 'UPDATE schedule_fires SET run_id = $2 WHERE id = $1 RETURNING *', [
          fireRow['id'],
          runId,
        ])
      ).rows[0];
      return { outcome: 'fired', fire: this.fireView(fireRow, run.status), run, cancelled };
    });
  }

  private async claim(manager: EntityManager, claim: DueFireClaim): Promise<boolean> {
    const params: unknown[] = [claim.scheduleId, claim.expectedNextFireAt, claim.nextFireAt, claim.dueAt];
    let timingGuard = '';
    if (claim.timing) {
      params.push(claim.timing.cron, claim.timing.intervalMs, claim.timing.timezone);
      timingGuard =
        ' AND cron IS NOT DISTINCT FROM $5::text AND interval_ms IS NOT DISTINCT FROM $6::int AND timezone = $7';
    }
    const { affected } = await queryRows(
      manager,
      `UPDATE schedules SET next_fire_at = $3::timestamptz, last_fire_at = $4
        WHERE id = $1 AND enabled = true AND next_fire_at = $2${timingGuard}
        RETURNING id`,
      params,
    );
    return affected > 0;
  }

  private async cancelRuns(
    manager: EntityManager,
    tenantId: string,
    cancel: { runIds: readonly string[]; message: string },
  ): Promise<RunView[]> {
    if (cancel.runIds.length === 0) return [];
    const { rows } = await queryRows(
      manager,
      `UPDATE runs
          SET status = 'cancelled', finished_at = now(), next_attempt_at = NULL,
              error_code = 'E_CANCELLED', error_message = $4
        WHERE id = ANY($1::uuid[]) AND tenant_id = $2 AND status = ANY($3::text[])
        RETURNING *`,
      [cancel.runIds, tenantId, CANCELLABLE, cancel.message],
    );
    return rows.map((row) => this.runView(row));
  }

  private fireView(
    row: Row,
    runStatus: RunStatus | null,
    batchStatus: BatchViewStatus | null = null,
  ): ScheduleFireView {
    return toScheduleFireView(
      hydrateEntity(this.dataSource, ScheduleFireEntity, row),
      runStatus,
      batchStatus,
    );
  }

  private runView(row: Row): RunView {
    return toRunView(hydrateEntity(this.dataSource, RunEntity, row));
  }
}
