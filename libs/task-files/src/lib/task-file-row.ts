import { type ChatMessage, type RunParams } from '@gtr/domain';

/** One valid row of a task file, normalised: the same shape whatever the format. */
export interface TaskFileRow {
  /** 1-based position among the file's data rows (the CSV header, blank lines and empty records are not counted). */
  row: number;
  /** The row's `id`, or its row number as text when it has none. Unique within the file. */
  id: string;
  /**
   * Ad-hoc rows: the messages to send — the row's `messages`, or its `system` (if any) and
   * `prompt` as a system and a user message. Absent in task mode.
   */
  messages?: ChatMessage[];
  /** The row's `prompt`, when it gave one. */
  prompt?: string;
  /** The row's `system`, when it gave one. */
  system?: string;
  model?: string;
  /** `temperature` and `maxTokens` when given; 0 stays 0. Empty in task mode. */
  params: RunParams;
  /** The row's `metadata` object; `{}` when it has none. */
  metadata: Record<string, unknown>;
  idempotencyKey?: string;
  corrId?: string;
  /** Ad-hoc rows only (`batch_id`). */
  batchId?: string;
  /** Task mode: the values of the task's variables (top-level names), as the file gave them. */
  variables?: Record<string, unknown>;
}
