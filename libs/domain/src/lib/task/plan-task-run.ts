import { GtrError } from '../gtr-error';
import { type ChatMessage, MAX_PROMPT_CHARS, type RunParams } from '../run-request';
import { renderMessages, type TemplateInput } from '../template/render-template';
import { type TaskView } from './task-view';

/** What a run may change of its task: the input and, for this run only, model and params. */
export interface TaskRunOverrides {
  input?: TemplateInput;
  model?: string;
  params?: RunParams;
}

/**
 * A run to create from a task version. `null` fields take the API's defaults (default provider,
 * its default model, `GTR_RUN_TIMEOUT_MS`, `GTR_MAX_ATTEMPTS`).
 */
export interface TaskRunPlan {
  taskId: string;
  taskVersion: number;
  /** The rendered template: what the run sends and stores. */
  messages: ChatMessage[];
  input: TemplateInput;
  provider: string | null;
  model: string | null;
  params: RunParams;
  outputSchema: Record<string, unknown> | null;
  timeoutMs: number | null;
  maxAttempts: number | null;
}

/**
 * Renders a task version with the run's input and merges the run's overrides over it: `model`
 * replaces the task's, `params` are merged key by key.
 * @throws GtrError `E_INPUT` naming every missing variable (`input.<name>`), or `E_VALIDATION`
 * (field `input`) when the rendered messages exceed `MAX_PROMPT_CHARS`.
 */
export function planTaskRun(task: TaskView, overrides: TaskRunOverrides = {}): TaskRunPlan {
  const input = overrides.input ?? {};
  const messages = renderMessages(task.messages, input);
  const size = messages.reduce((n, m) => n + m.content.length, 0);
  if (size > MAX_PROMPT_CHARS) {
    const problem = `renders messages of ${size} characters; the limit is ${MAX_PROMPT_CHARS}`;
    throw new GtrError('E_VALIDATION', `Invalid request: input ${problem}`, [
      { field: 'input', message: problem },
    ]);
  }
  return {
    taskId: task.id,
    taskVersion: task.version,
    messages,
    input,
    provider: task.provider,
    model: overrides.model ?? task.model,
    params: { ...task.params, ...overrides.params },
    outputSchema: task.outputSchema,
    timeoutMs: task.timeoutMs,
    maxAttempts: task.retryPolicy.maxAttempts ?? null,
  };
}
