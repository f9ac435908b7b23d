import { type ScheduleFireView } from '@gtr/domain';
import { formatTable } from './format-table';
import { shortId } from './format-values';
import { formatZonedTime } from './format-zoned-time';

/** The `gtr schedule history` table, newest fire first; times in UTC. A fire made a run or a batch. */
export function formatScheduleHistory(fires: readonly ScheduleFireView[]): string {
  return formatTable(
    ['DUE', 'FIRE', 'RUN/BATCH', 'STATUS', 'REASON'],
    fires.map((fire) => [
      formatZonedTime(fire.dueAt),
      fire.status,
      fire.runId ? `run ${shortId(fire.runId)}` : fire.batchId ? `batch ${fire.batchId}` : '-',
      fire.runStatus ?? fire.batchStatus ?? '-',
      fire.reason ?? '',
    ]),
  );
}
