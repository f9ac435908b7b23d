import { type UsageFigures, type UsageReport } from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { isUuid } from '../sql/is-uuid';
import { queryRows, type Row } from '../sql/query-rows';
import { buildUsageReportQuery } from './usage-report.query';
import { type UsageReportOptions } from './usage-report-options';

const EMPTY: UsageFigures = {
  runs: 0,
  succeeded: 0,
  failed: 0,
  cancelled: 0,
  successRate: null,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  cachedRuns: 0,
  costUsd: 0,
  unpricedRuns: 0,
};

/** Usage and spend of a tenant's runs, computed in Postgres. */
export class UsageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The tenant's runs created in [from, to): totals and one group per key of `groupBy` that has
   * runs (days in order, other groupings biggest first). One statement.
   */
  async report(tenantId: string, options: UsageReportOptions): Promise<UsageReport> {
    const head = { from: options.from.toISOString(), to: options.to.toISOString(), groupBy: options.groupBy };
    if (!isUuid(tenantId)) return { ...head, totals: { ...EMPTY }, groups: [] };
    const query = buildUsageReportQuery(tenantId, options);
    const { rows } = await queryRows(this.dataSource.manager, query.sql, query.params);
    const totals = rows.find((row) => row['is_total'] === true);
    return {
      ...head,
      totals: totals ? figuresOf(totals) : { ...EMPTY },
      groups: rows
        .filter((row) => row['is_total'] !== true)
        .map((row) => ({ key: (row['key'] as string | null) ?? null, ...figuresOf(row) })),
    };
  }
}

function figuresOf(row: Row): UsageFigures {
  const succeeded = Number(row['succeeded']);
  const failed = Number(row['failed']);
  return {
    runs: Number(row['runs']),
    succeeded,
    failed,
    cancelled: Number(row['cancelled']),
    successRate:
      succeeded + failed === 0 ? null : Math.round((succeeded / (succeeded + failed)) * 10_000) / 10_000,
    promptTokens: Number(row['prompt_tokens']),
    completionTokens: Number(row['completion_tokens']),
    totalTokens: Number(row['total_tokens']),
    cachedRuns: Number(row['cached_runs']),
    // numeric(14,8) sums come back as exact decimal text; 8 decimals is what a run's cost keeps.
    costUsd: Math.round(Number(row['cost_usd']) * 1e8) / 1e8,
    unpricedRuns: Number(row['unpriced_runs']),
  };
}
