import { type ScheduleMissedPolicy, type ScheduleTiming } from '@gtr/domain';
import { fireTimesAfter } from './fire-times-after';
import { nextFireAfter } from './next-fire-after';

/** How late a fire may be handled and still start a run under the `skip` missed policy. */
export const DEFAULT_MISSED_GRACE_MS = 60_000;

/** Counting missed fire times stops here; a larger count is reported as this many. */
export const MAX_COUNTED_MISSED_FIRES = 1000;

/** A schedule as the scheduler reads it: its timing, its stored next fire time and missed policy. */
export interface DueFiresInput extends ScheduleTiming {
  /** The stored next fire time; null never fires. */
  nextFireAt: Date | null;
  missedPolicy: ScheduleMissedPolicy;
}

/** What to do about a schedule now. */
export interface DueFires {
  /** The latest fire time not after now: the fire is recorded under it. Null: nothing is due. */
  dueAt: Date | null;
  /** Whether a run starts for `dueAt`; false when it is too late under the `skip` policy. */
  run: boolean;
  /**
   * Fire times since the stored next fire time that get no run of their own (at most
   * {@link MAX_COUNTED_MISSED_FIRES}): the earlier ones folded into this fire, plus `dueAt`
   * itself when it does not run.
   */
  missed: number;
  /** The first fire time after now: where the stored next fire time moves. */
  nextFireAt: Date | null;
}

/**
 * The fire due at `now`, after a normal tick or after downtime. Only the latest due time is
 * ever fired (so a scheduler that was down for a week starts one run, not thousands):
 * - `run_once`: it runs, standing for every fire time missed;
 * - `skip`: it runs only if it is at most `graceMs` late; otherwise nothing runs.
 * @throws GtrError `E_VALIDATION` for a cron expression that cannot be read.
 */
export function dueFires(schedule: DueFiresInput, now: Date, options: { graceMs?: number } = {}): DueFires {
  const stored = schedule.nextFireAt;
  if (!stored || stored.getTime() > now.getTime()) {
    return { dueAt: null, run: false, missed: 0, nextFireAt: stored };
  }
  const latest = latestFireTime(schedule, stored, now);
  const earlier = countFireTimes(schedule, stored, latest);
  const nextFireAt = nextFireAfter(schedule, now);
  const late = now.getTime() - latest.getTime();
  if (schedule.missedPolicy === 'run_once' || late <= (options.graceMs ?? DEFAULT_MISSED_GRACE_MS)) {
    return { dueAt: latest, run: true, missed: earlier, nextFireAt };
  }
  return { dueAt: latest, run: false, missed: Math.min(earlier + 1, MAX_COUNTED_MISSED_FIRES), nextFireAt };
}

/** The latest fire time in [stored, now]; `stored` itself when none is found after it. */
function latestFireTime(timing: ScheduleTiming, stored: Date, now: Date): Date {
  if (timing.cron === null) {
    const interval = timing.intervalMs as number;
    const steps = Math.floor((now.getTime() - stored.getTime()) / interval);
    return new Date(stored.getTime() + steps * interval);
  }
  // Look back from now over a doubling window: a frequent schedule is found in the first small
  // window, a rare one after a few doublings, never by walking every fire time since `stored`.
  const earliest = stored.getTime() - 1;
  for (let window = 60_000; ; window *= 2) {
    const from = Math.max(earliest, now.getTime() - window);
    const cursor = fireTimesAfter(timing, new Date(from));
    let latest: Date | null = null;
    for (let next = cursor.next(); next && next.getTime() <= now.getTime(); next = cursor.next())
      latest = next;
    if (latest) return latest;
    if (from === earliest) return stored;
  }
}

/** How many fire times lie in [from, to), at most {@link MAX_COUNTED_MISSED_FIRES}. */
function countFireTimes(timing: ScheduleTiming, from: Date, to: Date): number {
  if (timing.cron === null) {
    const steps = Math.floor((to.getTime() - from.getTime()) / (timing.intervalMs as number));
    return Math.min(steps, MAX_COUNTED_MISSED_FIRES);
  }
  const cursor = fireTimesAfter(timing, new Date(from.getTime() - 1));
  let count = 0;
  for (let next = cursor.next(); next && next.getTime() < to.getTime(); next = cursor.next()) {
    if (++count === MAX_COUNTED_MISSED_FIRES) break;
  }
  return count;
}
