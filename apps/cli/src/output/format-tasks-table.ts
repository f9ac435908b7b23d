import { type TaskView } from '@gtr/domain';
import { formatTable } from './format-table';
import { formatUtc } from './format-values';

/** The `gtr tasks list` table: one row per task, its latest version. */
export function formatTasksTable(tasks: readonly TaskView[]): string {
  return formatTable(
    ['NAME', 'VERSION', 'MODEL', 'VARIABLES', 'TAGS', 'UPDATED'],
    tasks.map((task) => [
      task.name,
      String(task.version),
      task.model ?? 'default',
      task.variables.join(',') || '-',
      task.tags.join(',') || '-',
      formatUtc(task.versionCreatedAt),
    ]),
  );
}
