import { type DueSchedule, type FireOutcome, type FireResult, ScheduleFiringRepository } from '@gtr/data';
import { GtrError, type RunView, type ScheduleBatchTarget } from '@gtr/domain';
import { DEFAULT_MISSED_GRACE_MS, MAX_COUNTED_MISSED_FIRES, dueFires, type DueFires } from '@gtr/engine';
import { QueueName } from '@gtr/queue';
import { RUN_CONTROL_CHANNEL, type RunCancelMessage, notifyRunChanged } from '../run-events';
import { runJobId } from '../run-job-id';
import { type Runtime } from '../runtime';
import { ScheduleBatchStarter } from './schedule-batch-starter';
import { scheduleRunInput } from './schedule-run-input';
import { type ScheduleTaskPlanner } from './schedule-task-planner';
import { storedTaskPlanner } from './stored-task-planner';

/** Options of a {@link ScheduleRunner}; the defaults suit production. */
export interface ScheduleRunnerOptions {
  /** Time between ticks; ticks land just after each whole multiple of it. Default 1000 ms. */
  intervalMs?: number;
  /** Most due schedules one tick handles (the rest wait for the next tick). Default 100. */
  batchSize?: number;
  /** How late a fire may be and still run under the `skip` missed policy. Default {@link DEFAULT_MISSED_GRACE_MS}. */
  missedGraceMs?: number;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Plans task targets. Default: the tasks stored in Postgres, rendered with the target's input. */
  tasks?: ScheduleTaskPlanner;
  /**
   * How often a tick also purges old schedule history (`GTR_SCHEDULE_HISTORY_KEEP`,
   * `GTR_SCHEDULE_HISTORY_DAYS`). Default 10 minutes; the first tick purges.
   */
  historyPurgeIntervalMs?: number;
}

/** Most fires one purge deletes, so a large backlog is worked off over several ticks in short statements. */
export const HISTORY_PURGE_LIMIT = 10_000;

/** What one tick did, schedule by schedule. */
export interface ScheduleTickSummary {
  /** Due schedules found. */
  due: number;
  /** Fires that created a run. */
  created: number;
  /** Fires recorded as skipped (overlap or missed policy). */
  skipped: number;
  /** Fires recorded as failed (the target could not start a run). */
  failed: number;
  /** Fire times another scheduler handled first. */
  lost: number;
  /** Schedules that hit an unexpected error; they are tried again next tick. */
  errors: number;
}

type Handled = 'created' | 'skipped' | 'failed' | 'lost' | 'errors';

/** What a scheduler needs of the process runtime. */
export type ScheduleRunnerRuntime = Pick<
  Runtime,
  'dataSource' | 'queue' | 'events' | 'providers' | 'config' | 'logger'
>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Starts the runs of due schedules. Every tick reads the due schedules from Postgres (so
 * schedule changes apply without a restart), and for each one claims its fire time with a
 * guarded update, applies the missed and overlap policies, and creates the run and records the
 * fire in one transaction, then enqueues the run (job id = run id). A batch target's fire creates
 * its batch first (idempotent per schedule and fire time, see `ScheduleBatchStarter`), then
 * records the fire. Any number of processes may run one: each fire time is handled exactly once.
 * Every {@link ScheduleRunnerOptions.historyPurgeIntervalMs} a tick also purges old history.
 */
export class ScheduleRunner {
  private readonly firing: ScheduleFiringRepository;
  private readonly tasks: ScheduleTaskPlanner;
  private readonly batches: ScheduleBatchStarter;
  private readonly intervalMs: number;
  private lastPurge: number | null = null;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<unknown> | null = null;

  constructor(
    private readonly runtime: ScheduleRunnerRuntime,
    private readonly options: ScheduleRunnerOptions = {},
  ) {
    this.firing = new ScheduleFiringRepository(runtime.dataSource);
    this.tasks = options.tasks ?? storedTaskPlanner(runtime.dataSource);
    this.batches = new ScheduleBatchStarter(runtime);
    this.intervalMs = options.intervalMs ?? 1000;
    this.now = options.now ?? (() => new Date());
  }

  /** Whether the loop runs (between `start` and `stop`). */
  get running(): boolean {
    return this.timer !== null;
  }

  /** Starts ticking (idempotent). A tick still in progress when the next is due is not overlapped. */
  start(): void {
    if (this.timer) return;
    this.schedule();
    this.runtime.logger.info({ intervalMs: this.intervalMs }, 'scheduler started');
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Handles every schedule due at `now` (default: the clock). */
  async tick(now: Date = this.now()): Promise<ScheduleTickSummary> {
    const purgeEvery = this.options.historyPurgeIntervalMs ?? 10 * 60_000;
    if (this.lastPurge === null || now.getTime() - this.lastPurge >= purgeEvery) {
      this.lastPurge = now.getTime();
      await this.purgeHistory(now).catch((error: unknown) =>
        this.runtime.logger.error({ err: error }, 'schedule history purge failed; retrying later'),
      );
    }
    const due = await this.firing.findDue(now, this.options.batchSize ?? 100);
    const summary: ScheduleTickSummary = {
      due: due.length,
      created: 0,
      skipped: 0,
      failed: 0,
      lost: 0,
      errors: 0,
    };
    // Shuffled, so that schedulers ticking at the same moment mostly claim different schedules.
    for (const schedule of shuffle(due)) summary[await this.handle(schedule, now)]++;
    return summary;
  }

  /**
   * Deletes the history beyond `GTR_SCHEDULE_HISTORY_KEEP` fires per schedule and older than
   * `GTR_SCHEDULE_HISTORY_DAYS` (see `ScheduleFiringRepository.purgeHistory` for what always
   * stays). Returns how many fires were deleted.
   */
  async purgeHistory(now: Date = this.now()): Promise<number> {
    const { GTR_SCHEDULE_HISTORY_KEEP: keep, GTR_SCHEDULE_HISTORY_DAYS: days } = this.runtime.config;
    const purged = await this.firing.purgeHistory({
      keepLast: keep === 0 ? null : keep,
      olderThan: days === 0 ? null : new Date(now.getTime() - days * DAY_MS),
      limit: HISTORY_PURGE_LIMIT,
    });
    if (purged > 0) this.runtime.logger.info({ purged }, 'schedule history purged');
    return purged;
  }

  private schedule(): void {
    // Just after each whole interval, so a fire at 12:00:00 is handled at about 12:00:00.005.
    const delay = this.intervalMs - (Date.now() % this.intervalMs) + 5;
    this.timer = setTimeout(() => {
      this.ticking ??= this.tick()
        .catch((error: unknown) => this.runtime.logger.error({ err: error }, 'scheduler tick failed'))
        .finally(() => (this.ticking = null));
      if (this.timer) this.schedule();
    }, delay);
    this.timer.unref();
  }

  private async handle(schedule: DueSchedule, now: Date): Promise<Handled> {
    try {
      const plan = this.plan(schedule, now);
      if (!plan.dueAt) return 'lost';
      const result = await this.firing.fire({
        scheduleId: schedule.id,
        tenantId: schedule.tenantId,
        expectedNextFireAt: schedule.nextFireAt,
        nextFireAt: plan.nextFireAt,
        dueAt: plan.dueAt,
        firedAt: now,
        timing: { cron: schedule.cron, intervalMs: schedule.intervalMs, timezone: schedule.timezone },
        outcome: plan.outcome ?? (await this.outcomeOf(schedule, plan, plan.dueAt)),
      });
      return await this.afterFire(schedule, result);
    } catch (error) {
      this.runtime.logger.error(
        { err: error, scheduleId: schedule.id },
        'schedule fire failed; retrying next tick',
      );
      return 'errors';
    }
  }

  /** The due fire, or for a timing that no longer reads (stored before a rule change) a failure that stops it. */
  private plan(schedule: DueSchedule, now: Date): DueFires & { outcome?: FireOutcome } {
    try {
      return dueFires(schedule, now, { graceMs: this.options.missedGraceMs });
    } catch (error) {
      if (!(error instanceof GtrError)) throw error;
      const reason = `${error.message} The schedule stops until its timing is fixed.`;
      return {
        dueAt: schedule.nextFireAt,
        run: false,
        missed: 0,
        nextFireAt: null,
        outcome: { status: 'failed', reason },
      };
    }
  }

  private async outcomeOf(schedule: DueSchedule, plan: DueFires, dueAt: Date): Promise<FireOutcome> {
    if (!plan.run) {
      return {
        status: 'skipped',
        reason: `${countText(plan.missed, 'fire time')} passed while no scheduler ran; the latest is more than ${graceText(this.options.missedGraceMs)} late (missed policy: skip)`,
      };
    }
    if (schedule.target.type === 'batch') return this.batchOutcome(schedule, schedule.target, plan, dueAt);
    const active = schedule.overlapPolicy === 'allow' ? [] : await this.firing.activeRuns(schedule.id);
    if (schedule.overlapPolicy === 'skip' && active.length > 0) {
      return {
        status: 'skipped',
        reason: `previous run ${active[0].id} is still ${active[0].status} (overlap policy: skip)`,
      };
    }
    let run;
    try {
      run = await scheduleRunInput(schedule, dueAt, {
        providers: this.runtime.providers,
        config: this.runtime.config,
        tasks: this.tasks,
      });
    } catch (error) {
      if (!(error instanceof GtrError)) throw error;
      return { status: 'failed', reason: `${error.code}: ${error.message}` };
    }
    return {
      status: 'created',
      run,
      reason: missedReason(schedule, plan.missed),
      cancel:
        active.length > 0
          ? {
              runIds: active.map((r) => r.id),
              message: `Cancelled by schedule "${schedule.name}": the fire of ${dueAt.toISOString()} started a new run (overlap policy: cancel_previous).`,
            }
          : undefined,
    };
  }

  /** A batch target: the overlap policies look at the earlier fires' batches. */
  private async batchOutcome(
    schedule: DueSchedule,
    target: ScheduleBatchTarget,
    plan: DueFires,
    dueAt: Date,
  ): Promise<FireOutcome> {
    const active = schedule.overlapPolicy === 'allow' ? [] : await this.firing.activeBatches(schedule.id);
    if (schedule.overlapPolicy === 'skip' && active.length > 0) {
      return {
        status: 'skipped',
        reason: `previous batch ${active[0]} is still unfinished (overlap policy: skip)`,
      };
    }
    let batchId: string;
    try {
      batchId = await this.batches.start(schedule, target, dueAt);
    } catch (error) {
      if (!(error instanceof GtrError)) throw error;
      return { status: 'failed', reason: `${error.code}: ${error.message}` };
    }
    // Cancelled once the new batch exists, so a fire that cannot start leaves the previous one running.
    const previous = active.filter((id) => id !== batchId);
    for (const id of previous) await this.batches.cancel(schedule.tenantId, id);
    const cancelled =
      previous.length > 0
        ? `cancelled unfinished batch ${previous.join(', ')} (overlap policy: cancel_previous)`
        : null;
    const reason = [missedReason(schedule, plan.missed), cancelled].filter(Boolean).join('; ') || null;
    return { status: 'created', batchId, reason };
  }

  private async afterFire(schedule: DueSchedule, result: FireResult): Promise<Handled> {
    if (result.outcome !== 'fired') return 'lost';
    const { fire, run, cancelled } = result;
    const { queue, events, logger } = this.runtime;
    for (const stopped of cancelled) {
      const message: RunCancelMessage = { type: 'run.cancel', runId: stopped.id };
      await events.publish(RUN_CONTROL_CHANNEL, message).catch(() => undefined);
      await this.notify(schedule, stopped);
    }
    if (run) {
      await queue
        .add(QueueName.Runs, {
          id: runJobId(run.id, 1),
          payload: { runId: run.id, tenantId: schedule.tenantId },
        })
        .catch((error: unknown) =>
          logger.error({ err: error, runId: run.id }, 'enqueue failed; the reconciler will retry'),
        );
      await this.notify(schedule, run);
    }
    const log = {
      scheduleId: schedule.id,
      schedule: schedule.name,
      dueAt: fire.dueAt,
      runId: run?.id,
      batchId: fire.batchId ?? undefined,
      reason: fire.reason,
    };
    if (fire.status === 'failed') logger.warn(log, 'schedule fire failed');
    else logger.info(log, `schedule fire ${fire.status}`);
    return fire.status;
  }

  private notify(schedule: DueSchedule, run: RunView): Promise<void> {
    return notifyRunChanged(this.runtime.events, {
      tenantId: schedule.tenantId,
      runId: run.id,
      status: run.status,
      batchId: run.batchId,
    });
  }
}

function missedReason(schedule: DueSchedule, missed: number): string | null {
  if (missed === 0) return null;
  return schedule.missedPolicy === 'run_once'
    ? `runs once for ${countText(missed, 'earlier missed fire time')} too (missed policy: run_once)`
    : `${countText(missed, 'earlier missed fire time')} skipped (missed policy: skip)`;
}

function countText(count: number, noun: string): string {
  const number = count >= MAX_COUNTED_MISSED_FIRES ? `${MAX_COUNTED_MISSED_FIRES} or more` : String(count);
  return `${number} ${noun}${count === 1 ? '' : 's'}`;
}

function graceText(graceMs = DEFAULT_MISSED_GRACE_MS): string {
  return graceMs % 1000 === 0 ? `${graceMs / 1000}s` : `${graceMs}ms`;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
