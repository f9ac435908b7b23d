import { type UsageFigures, type UsageGroupBy, type UsageReport } from '@gtr/domain';
import { formatTable } from './format-table';
import { formatCost } from './format-values';

const KEY_HEADER: Readonly<Record<UsageGroupBy, string>> = {
  day: 'DAY',
  model: 'MODEL',
  task: 'TASK',
  provider: 'PROVIDER',
  status: 'STATUS',
};

/** `75%`, `66.7%`; `-` when no run has finished yet. */
export function formatSuccessRate(rate: number | null): string {
  if (rate === null) return '-';
  const percent = Math.round(rate * 1000) / 10;
  return `${percent}%`;
}

/** The cost, marked `*` when some succeeded runs have no known price and so are not in it. */
export function formatUsageCost(figures: Pick<UsageFigures, 'costUsd' | 'unpricedRuns'>): string {
  return `${formatCost(figures.costUsd)}${figures.unpricedRuns > 0 ? '*' : ''}`;
}

/** The `gtr usage` table: a row per group, then the totals. */
export function formatUsageTable(report: UsageReport): string {
  const row = (key: string, figures: UsageFigures): string[] => [
    key,
    String(figures.runs),
    String(figures.succeeded),
    String(figures.failed),
    String(figures.cancelled),
    formatSuccessRate(figures.successRate),
    String(figures.totalTokens),
    String(figures.cachedRuns),
    formatUsageCost(figures),
  ];
  return formatTable(
    [
      KEY_HEADER[report.groupBy],
      'RUNS',
      'SUCCEEDED',
      'FAILED',
      'CANCELLED',
      'SUCCESS',
      'TOKENS',
      'CACHED',
      'COST',
    ],
    [...report.groups.map((group) => row(group.key ?? '(no task)', group)), row('TOTAL', report.totals)],
  );
}
