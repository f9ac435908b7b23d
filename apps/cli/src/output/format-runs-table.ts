import { type RunView } from '@gtr/domain';
import { formatTable } from './format-table';
import { formatDuration, formatUtc, shortId } from './format-values';

/** The `gtr runs list` table. */
export function formatRunsTable(runs: readonly RunView[]): string {
  return formatTable(
    ['ID', 'STATUS', 'MODEL', 'TOKENS', 'DURATION', 'CREATED'],
    runs.map((run) => [
      shortId(run.id),
      run.status,
      run.model,
      run.usage ? String(run.usage.totalTokens) : '-',
      formatDuration(run.durationMs),
      formatUtc(run.createdAt),
    ]),
  );
}
