import { type ScheduleFireTime } from '@gtr/domain';
import { formatTable } from './format-table';
import { formatZonedTime } from './format-zoned-time';

/** Coming fire times: UTC, and the schedule's own zone when it is not UTC. */
export function formatNextFires(fires: readonly ScheduleFireTime[], timeZone: string): string {
  if (timeZone === 'UTC')
    return formatTable(
      ['UTC'],
      fires.map((fire) => [formatZonedTime(fire.utc)]),
    );
  return formatTable(
    ['UTC', timeZone.toUpperCase()],
    fires.map((fire) => [formatZonedTime(fire.utc), formatZonedTime(fire.utc, timeZone)]),
  );
}
