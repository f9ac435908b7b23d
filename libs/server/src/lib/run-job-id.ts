/**
 * Queue job id of a run's n-th attempt. The first attempt uses the run id itself; retries and
 * re-enqueues use `<runId>_<n>` (BullMQ ids may not contain `:`), so an enqueue of the same attempt twice (api + reconciler) is
 * deduplicated by the queue, while a retry is a new job.
 */
export function runJobId(runId: string, attemptNumber: number): string {
  return attemptNumber <= 1 ? runId : `${runId}_${attemptNumber}`;
}
