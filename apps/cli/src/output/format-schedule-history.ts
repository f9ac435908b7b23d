import { type ScheduleFireView } from '@gtr/domain';
import { formatTable } from './format-table';
import { shortId } from './format-values';
import { formatZonedTime } from './format-zoned-time';

/** The `gtr schedule history` table, newest fire first; times in UTC. */
export function formatScheduleHistory(fires: readonly ScheduleFireView[]): string {
  return formatTable(
    ['DUE', 'FIRE', 'RUN', 'RUN STATUS', 'REASON'],
    fires.map((fire) => [
      formatZonedTime(fire.dueAt),
      fire.status,
      fire.runId ? shortId(fire.runId) : '-',
      fire.runStatus ?? '-',
      fire.reason ?? '',
    ]),
  );
}
