/** A failed run that `retryFailed` queued again: enqueue it as attempt `attemptCount + 1`. */
export interface RetriedRun {
  runId: string;
  attemptCount: number;
}
