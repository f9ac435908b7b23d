import { type ChatMessage, type ErrorCode, type RunParams, type TokenUsage } from '@gtr/domain';

/** What a worker needs to execute a run it claimed. */
export interface ClaimedRun {
  runId: string;
  tenantId: string;
  batchId: string | null;
  /** When the run was created: the start of its overall deadline. */
  createdAt: Date;
  /** 1-based; pass it back to `recordSuccess` / `recordFailure` / `release`. */
  attemptNumber: number;
  maxAttempts: number;
  timeoutMs: number;
  provider: string;
  model: string;
  messages: ChatMessage[];
  params: RunParams;
  outputSchema: Record<string, unknown> | null;
  /**
   * The run's opt-in to the response cache, in seconds; null: the run neither reads nor writes it.
   * With it: look the request up first (`ResponseCacheRepository.get`) and on a hit complete the
   * run with `recordCacheHit`; on a miss call the provider and `put` a successful answer.
   */
  cacheTtlSeconds: number | null;
}

/** Facts of one provider call, common to success and failure. */
export interface AttemptFacts {
  startedAt: Date;
  finishedAt: Date;
  latencyMs: number;
  httpStatus?: number | null;
  /** Time spent waiting for the rate limiter before the call. */
  rateLimitWaitMs?: number;
  usage?: TokenUsage | null;
  providerRequestId?: string | null;
  /** Dollar cost of this call; added to the run's cost. */
  costUsd?: number | null;
}

/** A call that produced the run's result. */
export interface AttemptSuccess extends AttemptFacts {
  outputText: string | null;
  /** Parsed output when the run has an output schema (or the text was JSON). */
  outputJson?: unknown;
  finishReason: string | null;
}

/** A call that failed. */
export interface AttemptFailure extends AttemptFacts {
  errorCode: ErrorCode;
  errorMessage: string;
}

/** A run the reconciler may need to put back in the queue. */
export interface RunRef {
  runId: string;
  tenantId: string;
  /** Claims so far; the next attempt is `attemptCount + 1` (it names the attempt's queue job). */
  attemptCount: number;
  /** The run's batch when it caps its calls in flight; its queue job carries this. */
  batch: { id: string; concurrency: number } | null;
}

/** A running run whose claim is older than the worker heartbeat allows. */
export interface StaleRun extends RunRef {
  claimedBy: string | null;
}
