/**
 * The `reason` of a job's signal when its consumer is closing and the grace period ran out.
 * A handler that throws after this abort does not fail its job: the job goes back to the queue.
 */
export class ConsumerClosedError extends Error {
  constructor() {
    super('The consumer is closing');
    this.name = 'ConsumerClosedError';
  }
}
