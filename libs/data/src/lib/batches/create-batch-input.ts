import { type CreateRunInput } from '../runs/create-run-input';
import { type BatchMode } from '../entities/batch.entity';

/** The batch row of `BatchesRepository.createWithRuns`. */
export interface CreateBatchInput {
  name?: string | null;
  taskId?: string | null;
  taskVersion?: number | null;
  /** Most provider calls of the batch in flight at once, across every worker; null: no cap. */
  concurrency?: number | null;
  /** `queue` (default) or `provider_batch`: the provider-batch loop sends its runs, nothing enqueues them. */
  mode?: BatchMode;
  /** Higher runs sooner; default 0. */
  priority?: number;
  /** What the submission asked for (e.g. `skipInvalid`), kept for display. */
  options?: Record<string, unknown>;
  /** Same key within a tenant returns the first batch instead of creating another. */
  idempotencyKey?: string | null;
}

/** A run of `BatchesRepository.createWithRuns`: the batch, its position and status are set there. */
export type BatchRunInput = Omit<CreateRunInput, 'batchId' | 'batchRow' | 'status'>;
