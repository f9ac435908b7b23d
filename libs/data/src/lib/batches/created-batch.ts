import { type CreatedRunRef } from '../runs/created-run';

/** Result of `BatchesRepository.createWithRuns`. */
export interface CreatedBatch {
  batchId: string;
  /** False when the idempotency key matched an earlier batch: nothing was inserted and `runs` is empty. */
  created: boolean;
  /**
   * One entry per run input, in input order. `created: false` when the row's idempotency key had
   * already run for the tenant: that existing run's id (it joins this batch unless it is in another).
   */
  runs: CreatedRunRef[];
}
