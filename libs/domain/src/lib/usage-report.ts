import { type UsageGroupBy } from './usage-query';

/** Counts and sums over a set of runs. */
export interface UsageFigures {
  runs: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** succeeded / (succeeded + failed), 0-1 to four decimals; null while no run has succeeded or failed. */
  successRate: number | null;
  /** Tokens the providers processed: runs answered from the response cache are not counted. */
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Runs answered from the response cache (no provider call, no cost). */
  cachedRuns: number;
  /** Sum of the known costs, in US dollars. Runs whose model has no known price add nothing. */
  costUsd: number;
  /** Succeeded runs whose cost is unknown (no price for the model): `costUsd` leaves them out. */
  unpricedRuns: number;
}

/** The figures of one group. */
export interface UsageGroup extends UsageFigures {
  /**
   * `YYYY-MM-DD` (UTC) for `day`; the model, provider or status name; the task id for `task`,
   * null for runs without a task.
   */
  key: string | null;
}

/** `GET /v1/usage`: the caller's runs created in [from, to), in total and per group. */
export interface UsageReport {
  /** ISO 8601 UTC, inclusive. */
  from: string;
  /** ISO 8601 UTC, exclusive. */
  to: string;
  groupBy: UsageGroupBy;
  totals: UsageFigures;
  /** Days in ascending order; other groupings by run count, most first, then by key. Empty groups are left out. */
  groups: UsageGroup[];
}
