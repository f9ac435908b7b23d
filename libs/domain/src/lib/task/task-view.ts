import { type ChatMessage, type RunParams } from '../run-request';
import { type RunView } from '../run-view';
import { type TaskRetryPolicy } from './task-retry-policy';

/**
 * One version of a task, as the API, CLI and dashboard see it. Timestamps are ISO 8601 UTC.
 * `null` fields (and an empty `retryPolicy`) take the API's defaults when a run is created.
 */
export interface TaskView {
  id: string;
  name: string;
  description: string | null;
  /** The version shown. */
  version: number;
  /** The task's newest version. */
  latestVersion: number;
  /** The messages template, content with `{{variables}}`. */
  messages: ChatMessage[];
  /** The variables the template uses, each once, in order of first use. */
  variables: string[];
  provider: string | null;
  model: string | null;
  params: RunParams;
  /** JSON Schema the output must match (OpenAI structured outputs). */
  outputSchema: Record<string, unknown> | null;
  retryPolicy: TaskRetryPolicy;
  /** Per-attempt provider timeout. */
  timeoutMs: number | null;
  tags: string[];
  /** When the task was created (its version 1). */
  createdAt: string;
  /** When this version was created. */
  versionCreatedAt: string;
}

/** `POST /v1/tasks/:name/test` answer: the messages the template rendered to, and the run made of them. */
export interface TaskTestResult {
  renderedMessages: ChatMessage[];
  run: RunView;
}
