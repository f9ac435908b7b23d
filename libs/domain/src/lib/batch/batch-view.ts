import { type RunStatus } from '../run-status';

import { type BatchExecutionMode } from './create-batch-request';

/** What a batch is doing, derived from its runs (a batch row only stores `paused` and `cancelled`). */
export type BatchViewStatus =
  'queued' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';

/**
 * A batch as the API, CLI and dashboard see it. Counts, tokens and cost are computed from the
 * batch's runs when it is read, so they are never stale. Timestamps are ISO 8601 UTC.
 */
export interface BatchView {
  id: string;
  name: string | null;
  /**
   * `queued` until a run starts, `running` while any run is unfinished (`paused` while paused
   * with runs unfinished), then `succeeded` (every
   * run succeeded), `partial` (some succeeded), `failed` (none succeeded) or `cancelled`.
   */
  status: BatchViewStatus;
  taskId: string | null;
  taskVersion: number | null;
  /** Runs in the batch. */
  total: number;
  /** Runs per status; statuses with no run are 0. */
  counts: Record<RunStatus, number>;
  /** Runs that finished (succeeded, failed or cancelled). */
  done: number;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number };
  /** Sum of the known run costs, US dollars. */
  costUsd: number;
  /** Runs finished per second since the first run started; null before two have finished. */
  throughputPerSecond: number | null;
  /**
   * Seconds until every run has finished: `remaining / throughputPerSecond`, or, with only one
   * run finished, `remaining × its duration / max(1, running)`. Null when nothing finished yet
   * or nothing remains.
   */
  etaSeconds: number | null;
  priority: number;
  /** Most provider calls of this batch in flight at once, across every worker; null: no cap. */
  concurrency: number | null;
  mode: BatchExecutionMode;
  options: Record<string, unknown>;
  idempotencyKey: string | null;
  createdAt: string;
  /** When the first run started. */
  startedAt: string | null;
  /** When the last run finished, once every run has. */
  finishedAt: string | null;
}
