import { MAX_BATCH_PRIORITY } from '@gtr/domain';

/**
 * The queue priority of a batch's jobs: a higher batch priority is a lower (more urgent) job
 * priority. Batch jobs always carry one, so single runs (which have none) are taken first and a
 * large batch never holds them up.
 */
export function batchJobPriority(priority: number): number {
  return MAX_BATCH_PRIORITY + 1 - priority;
}
