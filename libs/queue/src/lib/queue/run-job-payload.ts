/**
 * Payload of a `runs` queue job. It only points at the run: the worker loads everything else
 * (request, settings, credentials) from Postgres, so job data never holds secrets and a job
 * that is delivered again always sees the run's current state.
 */
export interface RunJobPayload {
  runId: string;
  tenantId: string;
  /**
   * The run's batch when that batch caps its provider calls in flight (`options.concurrency`):
   * the worker takes one of the batch's slots before claiming the run. Immutable for a batch,
   * so carrying it saves a query per job.
   */
  batch?: BatchCap;
}

/** A batch's cap on provider calls in flight, across every worker. */
export interface BatchCap {
  id: string;
  concurrency: number;
}
