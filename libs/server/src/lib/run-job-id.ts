import { type BatchCap, type JobToAdd, type RunJobPayload } from '@gtr/queue';

/**
 * Queue job id of a run's n-th attempt. The first attempt uses the run id itself; retries and
 * re-enqueues use `<runId>_<n>` (BullMQ ids may not contain `:`), so an enqueue of the same attempt twice (api + reconciler) is
 * deduplicated by the queue, while a retry is a new job.
 */
export function runJobId(runId: string, attemptNumber: number): string {
  return attemptNumber <= 1 ? runId : `${runId}_${attemptNumber}`;
}

/**
 * The queue job of a run's attempt `attemptNumber`: its id by {@link runJobId}, its payload with
 * the run's batch cap when the batch has one (the worker takes a batch slot before claiming).
 */
export function runJobOf(
  run: { runId: string; tenantId: string; batch?: BatchCap | null },
  attemptNumber: number,
  options: { priority?: number; delayMs?: number } = {},
): JobToAdd<RunJobPayload> {
  const payload: RunJobPayload = { runId: run.runId, tenantId: run.tenantId };
  if (run.batch) payload.batch = { id: run.batch.id, concurrency: run.batch.concurrency };
  return { id: runJobId(run.runId, attemptNumber), payload, ...options };
}
