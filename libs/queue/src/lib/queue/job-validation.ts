import { type ConsumeOptions, type JobToAdd } from './queue-driver';

/** Highest BullMQ priority (2^21 - 1). */
export const MAX_PRIORITY = 2 ** 21 - 1;

/**
 * Rejects jobs one of the drivers could not store the same way, so code that works on the
 * in-process driver also works on BullMQ. Returns the payload serialised as JSON.
 */
export function serializeJob(job: JobToAdd<unknown>): string {
  const { id, delayMs, priority } = job;
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('Job id must be a non-empty string');
  if (`${parseInt(id, 10)}` === id) throw new TypeError(`Job id must not be an integer: ${id}`);
  if (id.includes(':')) throw new TypeError(`Job id must not contain ":": ${id}`);
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new RangeError(`Job delayMs must be a finite number ≥ 0 (job ${id})`);
  }
  if (priority !== undefined && !(Number.isInteger(priority) && priority >= 0 && priority <= MAX_PRIORITY)) {
    throw new RangeError(`Job priority must be an integer from 0 to ${MAX_PRIORITY} (job ${id})`);
  }
  const json = JSON.stringify(job.payload);
  if (json === undefined) throw new TypeError(`Job payload must be JSON data (job ${id})`);
  return json;
}

/** Rejects a concurrency that is not an integer ≥ 1. */
export function assertValidConsumeOptions(options: ConsumeOptions): void {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new RangeError('Consumer concurrency must be an integer ≥ 1');
  }
}
