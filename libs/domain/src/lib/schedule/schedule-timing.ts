import { parseInterval } from './schedule-interval';
import { type CreateScheduleRequest, type UpdateScheduleRequest } from './schedule-request';

/** When a schedule fires: a cron expression in a time zone, or a fixed interval. */
export interface ScheduleTiming {
  cron: string | null;
  intervalMs: number | null;
  /** IANA zone the cron expression is read in; intervals ignore it. */
  timezone: string;
}

/** The timing a valid create request describes. */
export function timingOf(body: Pick<CreateScheduleRequest, 'cron' | 'every' | 'timezone'>): ScheduleTiming {
  return {
    cron: body.cron === undefined ? null : normalizeCron(body.cron),
    intervalMs: body.cron === undefined && body.every !== undefined ? parseInterval(body.every) : null,
    timezone: body.timezone,
  };
}

/** The timing after a valid update request: `cron` and `every` replace each other. */
export function updatedTiming(current: ScheduleTiming, patch: UpdateScheduleRequest): ScheduleTiming {
  const timezone = patch.timezone ?? current.timezone;
  if (patch.cron !== undefined) return { cron: normalizeCron(patch.cron), intervalMs: null, timezone };
  if (patch.every !== undefined) return { cron: null, intervalMs: parseInterval(patch.every), timezone };
  return { ...current, timezone };
}

/** Whether two timings fire at the same times. */
export function sameTiming(a: ScheduleTiming, b: ScheduleTiming): boolean {
  return a.cron === b.cron && a.intervalMs === b.intervalMs && a.timezone === b.timezone;
}

/** A cron expression with single spaces between its fields. */
export function normalizeCron(expression: string): string {
  return expression.trim().split(/\s+/).join(' ');
}

/** The timing of a schedule as the API shows it. */
export function timingOfView(view: {
  cron: string | null;
  every: string | null;
  timezone: string;
}): ScheduleTiming {
  return {
    cron: view.cron,
    intervalMs: view.cron === null && view.every !== null ? parseInterval(view.every) : null,
    timezone: view.timezone,
  };
}
