import { type ScheduleView } from '@gtr/domain';
import { formatScheduleTarget } from './format-schedule-target';
import { formatTable } from './format-table';
import { formatZonedTime } from './format-zoned-time';

/** When a schedule fires, as `-s` takes it: the cron expression or `every 5m`. */
export function scheduleSpecText(schedule: Pick<ScheduleView, 'cron' | 'every'>): string {
  return schedule.cron ?? `every ${schedule.every}`;
}

/** The `gtr schedule list` table; times in UTC. */
export function formatSchedulesTable(schedules: readonly ScheduleView[]): string {
  return formatTable(
    ['NAME', 'SCHEDULE', 'TIMEZONE', 'TARGET', 'STATE', 'NEXT FIRE'],
    schedules.map((s) => [
      s.name,
      scheduleSpecText(s),
      s.timezone,
      formatScheduleTarget(s.target, 32),
      s.enabled ? 'enabled' : 'paused',
      formatZonedTime(s.nextFireAt),
    ]),
  );
}
