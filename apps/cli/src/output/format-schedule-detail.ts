import { type ScheduleView } from '@gtr/domain';
import { formatFields } from './format-fields';
import { scheduleSpecText } from './format-schedules-table';
import { formatZonedTime } from './format-zoned-time';

/** The `gtr schedule get` view; fire times in UTC and, when it differs, the schedule's zone. */
export function formatScheduleDetail(schedule: ScheduleView): string {
  const both = (iso: string | null): string =>
    iso && schedule.timezone !== 'UTC'
      ? `${formatZonedTime(iso)} (${formatZonedTime(iso, schedule.timezone)})`
      : formatZonedTime(iso);
  return formatFields([
    ['Name', schedule.name],
    ['Schedule', scheduleSpecText(schedule)],
    ['Timezone', schedule.timezone],
    ['State', schedule.enabled ? 'enabled' : 'paused'],
    ['Target', JSON.stringify(schedule.target)],
    ['Overlap', schedule.overlapPolicy],
    ['Missed', schedule.missedPolicy],
    ['Next fire', both(schedule.nextFireAt)],
    ['Last fire', both(schedule.lastFireAt)],
    ['Created', formatZonedTime(schedule.createdAt)],
    ['Updated', formatZonedTime(schedule.updatedAt)],
    ['ID', schedule.id],
  ]);
}
