/**
 * Payload of a `runs` queue job. It only points at the run: the worker loads everything else
 * (request, settings, credentials) from Postgres, so job data never holds secrets and a job
 * that is delivered again always sees the run's current state.
 */
export interface RunJobPayload {
  runId: string;
  tenantId: string;
}
