import { type ErrorCode } from './error-codes';
import { type ChatMessage, type RunParams } from './run-request';
import { type RunStatus } from './run-status';

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Prompt tokens served from the provider's prompt cache. */
  cachedTokens: number;
}

/** One provider call of a run, as the API shows it. */
export interface AttemptView {
  number: number;
  startedAt: string;
  finishedAt: string | null;
  latencyMs: number | null;
  httpStatus: number | null;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
  /** Time spent waiting for the rate limiter before this call. */
  rateLimitWaitMs: number;
  usage: TokenUsage | null;
  providerRequestId: string | null;
}

/** A run, as the API, CLI and dashboard see it. Timestamps are ISO 8601 UTC. */
export interface RunView {
  id: string;
  status: RunStatus;
  provider: string;
  model: string;
  taskId: string | null;
  taskVersion: number | null;
  batchId: string | null;
  messages: ChatMessage[];
  params: RunParams;
  output: { text: string | null; json: unknown } | null;
  finishReason: string | null;
  usage: TokenUsage | null;
  /** Cost in US dollars; null when the model has no known price. */
  costUsd: number | null;
  /** Answered from the response cache: no provider call was made for it, and it cost nothing. */
  cached: boolean;
  error: { code: ErrorCode; message: string } | null;
  attemptCount: number;
  metadata: Record<string, unknown>;
  idempotencyKey: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface RunDetailView extends RunView {
  attempts: AttemptView[];
}

export interface Page<T> {
  data: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** What the event bus carries and `GET /v1/events` streams (SSE `data:`). */
export interface RunEvent {
  type: 'run.updated';
  tenantId: string;
  runId: string;
  status: RunStatus;
  batchId: string | null;
  at: string;
}
