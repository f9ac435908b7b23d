import { type RunStatus } from '@gtr/domain';

/** The runs of a batch in one status, summed (one row of the batch's `GROUP BY status`). */
export interface BatchRunStats {
  status: RunStatus;
  count: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** Earliest first start among these runs. */
  firstStartedAt: Date | null;
  /** Latest finish among these runs. */
  lastFinishedAt: Date | null;
  /** Sum of started → finished over the runs that have both, and how many those are. */
  durationMsSum: number;
  timedCount: number;
}

/**
 * Per-status sums of the runs of one batch (`$1` a batch id) or of several (`$1` a uuid array,
 * rows also carry `batch_id`). `batch_id = …` is served by `IDX_runs_batch_row`.
 */
export function batchRunStatsSql(many: boolean): string {
  return `
  SELECT ${many ? 'batch_id, ' : ''}status,
         count(*)::int AS count,
         COALESCE(sum(prompt_tokens), 0)::bigint AS prompt_tokens,
         COALESCE(sum(completion_tokens), 0)::bigint AS completion_tokens,
         COALESCE(sum(cost_usd), 0)::numeric AS cost_usd,
         min(started_at) AS first_started_at,
         max(finished_at) AS last_finished_at,
         COALESCE(sum(extract(epoch FROM finished_at - started_at) * 1000)
                  FILTER (WHERE started_at IS NOT NULL AND finished_at IS NOT NULL), 0)::float8 AS duration_ms_sum,
         count(*) FILTER (WHERE started_at IS NOT NULL AND finished_at IS NOT NULL)::int AS timed_count
    FROM runs
   WHERE ${many ? 'batch_id = ANY($1::uuid[])' : 'batch_id = $1'}
   GROUP BY ${many ? 'batch_id, ' : ''}status`;
}

/** Reads one row of `BATCH_RUN_STATS_SQL`. */
export function toBatchRunStats(row: Record<string, unknown>): BatchRunStats {
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
  return {
    status: row['status'] as RunStatus,
    count: Number(row['count']),
    promptTokens: Number(row['prompt_tokens']),
    completionTokens: Number(row['completion_tokens']),
    costUsd: Number(row['cost_usd']),
    firstStartedAt: date(row['first_started_at']),
    lastFinishedAt: date(row['last_finished_at']),
    durationMsSum: Number(row['duration_ms_sum']),
    timedCount: Number(row['timed_count']),
  };
}
