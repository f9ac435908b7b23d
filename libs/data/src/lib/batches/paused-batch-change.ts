/**
 * What `pause` or `resume` did: `changed` false means the batch was not in a state that allows
 * it (already paused, not paused, cancelled, or finished), with that state's stored status.
 */
export interface PausedBatchChange {
  changed: boolean;
  /** The batch's stored status after the statement. */
  status: string;
}

/** A run that resuming its batch enqueues again, as attempt `attemptCount + 1`, due in `delayMs`. */
export interface ResumedRun {
  runId: string;
  attemptCount: number;
  delayMs: number;
}
