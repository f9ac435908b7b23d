import { type RunView } from '@gtr/domain';

/** One run of a batch with its place in the submission, as `resultsInOrder` yields it. */
export interface BatchResultRun {
  /** 1-based position of the row in the submission. */
  batchRow: number;
  /** The row's id in the task file; null for runs created without one. */
  rowId: string | null;
  run: RunView;
}
