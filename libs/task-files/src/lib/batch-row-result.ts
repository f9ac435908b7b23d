import { type ErrorCode, type RunParams, type TokenUsage } from '@gtr/domain';

/** The outcome of one row of a batch, as the result files (JSONL and CSV) show it. */
export interface BatchRowResult {
  /** The row's id from the task file. */
  id: string;
  success: boolean;
  /** The model's answer: its text, and its parsed JSON when the task has an output schema. */
  response: { text: string | null; json: unknown } | null;
  /** The error message of a failed row. */
  error: string | null;
  errorCode: ErrorCode | null;
  usage: TokenUsage | null;
  /** US dollars; null when the model has no known price. */
  cost: number | null;
  /** ISO 8601 UTC timestamps and the run's duration. */
  timings: {
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    durationMs: number | null;
  };
  /** Provider calls made. */
  attempts: number;
  metadata: Record<string, unknown>;
  /** The prompt as the CSV's `Prompt` column shows it (e.g. the last user message). */
  prompt: string;
  model: string | null;
  /** The CSV's `Temperature` and `Max Tokens` come from here; 0 is written as 0. */
  params: RunParams;
}
