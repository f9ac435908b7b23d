/**
 * Recovery scans of the reconciler. Their status predicates match the partial indexes
 * `IDX_runs_running_claimed` and `IDX_runs_pending_queued` literally, which is what lets the
 * planner use them. `$1` age in milliseconds, `$2` limit. Each run comes with its batch's
 * concurrency cap (null: none), which its queue job carries. Runs of `provider_batch` batches
 * are left out: the provider-batch loop sends them and records their results, and a provider
 * batch may take hours (its runs are claimed by `provider-batch:<file id>`).
 */
export const STALE_RUNNING_SQL = `
  SELECT r.id, r.tenant_id, r.attempt_count, r.claimed_by, r.batch_id, b.concurrency AS batch_concurrency
  FROM runs r LEFT JOIN batches b ON b.id = r.batch_id
  WHERE r.status = 'running' AND r.claimed_at < now() - $1::double precision * interval '1 millisecond'
    AND COALESCE(r.claimed_by, '') NOT LIKE 'provider-batch:%'
  ORDER BY r.claimed_at
  LIMIT $2`;

/**
 * Runs due for a worker: queued, or retrying with the retry time (`queued_at`) passed — but
 * not those of a paused batch, which resuming enqueues.
 */
export const DUE_RUNS_SQL = `
  SELECT r.id, r.tenant_id, r.attempt_count, r.batch_id, b.concurrency AS batch_concurrency
  FROM runs r LEFT JOIN batches b ON b.id = r.batch_id
  WHERE r.status IN ('queued', 'retrying') AND r.queued_at < now() - $1::double precision * interval '1 millisecond'
    AND b.status IS DISTINCT FROM 'paused' AND b.mode IS DISTINCT FROM 'provider_batch'
  ORDER BY r.queued_at
  LIMIT $2`;
