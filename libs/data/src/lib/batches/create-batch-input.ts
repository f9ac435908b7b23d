/** The batch row of `BatchesRepository.createWithRuns`. */
export interface CreateBatchInput {
  name?: string | null;
  taskId?: string | null;
  taskVersion?: number | null;
  /** Higher runs sooner; default 0. */
  priority?: number;
  /** What the submission asked for (e.g. `skipInvalid`), kept for display. */
  options?: Record<string, unknown>;
  /** Same key within a tenant returns the first batch instead of creating another. */
  idempotencyKey?: string | null;
}
