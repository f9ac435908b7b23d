/**
 * Recovery scans of the reconciler. Their status predicates match the partial indexes
 * `IDX_runs_running_claimed` and `IDX_runs_pending_queued` literally, which is what lets the
 * planner use them. `$1` age in milliseconds, `$2` limit.
 */
export const STALE_RUNNING_SQL = `
  SELECT id, tenant_id, attempt_count, claimed_by FROM runs
  WHERE status = 'running' AND claimed_at < now() - $1::double precision * interval '1 millisecond'
  ORDER BY claimed_at
  LIMIT $2`;

/** Runs due for a worker: queued, or retrying with the retry time (`queued_at`) passed. */
export const DUE_RUNS_SQL = `
  SELECT id, tenant_id, attempt_count FROM runs
  WHERE status IN ('queued', 'retrying') AND queued_at < now() - $1::double precision * interval '1 millisecond'
  ORDER BY queued_at
  LIMIT $2`;
