import { type TaskView } from '@gtr/domain';
import { formatTable } from './format-table';
import { formatUtc } from './format-values';

/** The `gtr tasks versions` table: one row per version, newest first. */
export function formatTaskVersionsTable(versions: readonly TaskView[]): string {
  return formatTable(
    ['VERSION', 'PROVIDER', 'MODEL', 'VARIABLES', 'CREATED'],
    versions.map((task) => [
      task.version === task.latestVersion ? `${task.version} (latest)` : String(task.version),
      task.provider ?? 'default',
      task.model ?? 'default',
      task.variables.join(',') || '-',
      formatUtc(task.versionCreatedAt),
    ]),
  );
}
