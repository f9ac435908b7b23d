import { type UsageGroupBy } from '@gtr/domain';
import { type SqlQuery } from '../sql/sql-query';
import { type UsageReportOptions } from './usage-report-options';

/** The group key of each grouping. A day is a UTC calendar day, whatever the session's time zone. */
const KEY_SQL: Readonly<Record<UsageGroupBy, string>> = {
  day: `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  model: 'model',
  task: 'task_id::text',
  provider: 'provider',
  status: 'status',
};

/** Days read in calendar order; other groupings biggest first. */
const ORDER_SQL: Readonly<Record<UsageGroupBy, string>> = {
  day: 'k',
  model: 'runs DESC, k',
  task: 'runs DESC, k NULLS LAST',
  provider: 'runs DESC, k',
  status: 'runs DESC, k',
};

/**
 * The usage report of one tenant in one statement: a row per group plus the totals row
 * (`GROUPING SETS ((k), ())`, `is_total` true), totals first. The range predicate on
 * `(tenant_id, created_at)` is served by `IDX_runs_tenant_created`.
 *
 * Tokens count what providers processed, so runs answered from the cache add none. Cost is the
 * sum of known costs; `unpriced_runs` counts succeeded runs whose cost is unknown.
 */
export function buildUsageReportQuery(tenantId: string, options: UsageReportOptions): SqlQuery {
  const sql = `
    SELECT
      GROUPING(k) = 1 AS is_total,
      k AS key,
      count(*)::int AS runs,
      (count(*) FILTER (WHERE status = 'succeeded'))::int AS succeeded,
      (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
      (count(*) FILTER (WHERE status = 'cancelled'))::int AS cancelled,
      COALESCE(sum(prompt_tokens) FILTER (WHERE NOT cached), 0)::bigint AS prompt_tokens,
      COALESCE(sum(completion_tokens) FILTER (WHERE NOT cached), 0)::bigint AS completion_tokens,
      COALESCE(sum(COALESCE(total_tokens, prompt_tokens + completion_tokens, prompt_tokens, completion_tokens))
        FILTER (WHERE NOT cached), 0)::bigint AS total_tokens,
      (count(*) FILTER (WHERE cached))::int AS cached_runs,
      COALESCE(sum(cost_usd), 0) AS cost_usd,
      (count(*) FILTER (WHERE status = 'succeeded' AND cost_usd IS NULL))::int AS unpriced_runs
    FROM (
      SELECT status, prompt_tokens, completion_tokens, total_tokens, cached, cost_usd, ${KEY_SQL[options.groupBy]} AS k
      FROM runs
      WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
    ) r
    GROUP BY GROUPING SETS ((k), ())
    ORDER BY is_total DESC, ${ORDER_SQL[options.groupBy]}`;
  return { sql, params: [tenantId, options.from, options.to] };
}
