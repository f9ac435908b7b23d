import { type FieldIssue } from '../gtr-error';
import { type BatchView } from './batch-view';

/** `POST /v1/batches` response. */
export interface CreateBatchResult {
  batch: BatchView;
  /** Rows left out with `skipInvalid` (0 otherwise, and on a replay). */
  skippedRows: number;
  /** Their first 100 issues, each naming its row and field. */
  issues: FieldIssue[];
  /** Issues beyond those. */
  moreIssues: number;
}

/** `POST /v1/batches/:id/retry-failed` response. */
export interface RetryFailedResult {
  batch: BatchView;
  /** Failed runs queued again. */
  retried: number;
}
