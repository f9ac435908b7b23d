import { GtrError } from '../gtr-error';
import { type ChatMessage } from '../run-request';
import { parseOrThrow } from '../validation';
import { shorthandMessages } from './create-task-request';
import { type TaskDefinition, taskDefinitionSchema } from './task-definition';
import { type UpdateTaskRequest } from './update-task-request';

/**
 * The definition of the next version: `current` with `patch` applied (see `updateTaskSchema` for
 * the rules), validated as a whole.
 * @throws GtrError `E_VALIDATION` when `prompt` / `system` edit a template that is not of the
 * shorthand form, or the result is invalid (e.g. `baseDelayMs` above the kept `maxDelayMs`).
 */
export function applyTaskUpdate(current: TaskDefinition, patch: UpdateTaskRequest): TaskDefinition {
  const next = {
    description: patch.description === undefined ? current.description : patch.description,
    messages: nextMessages(current.messages, patch),
    provider: patch.provider === undefined ? current.provider : patch.provider,
    model: patch.model === undefined ? current.model : patch.model,
    params: mergeKeys(current.params, patch.params),
    outputSchema: patch.outputSchema === undefined ? current.outputSchema : patch.outputSchema,
    retryPolicy: mergeKeys(current.retryPolicy, patch.retryPolicy),
    timeoutMs: patch.timeoutMs === undefined ? current.timeoutMs : patch.timeoutMs,
    tags: patch.tags ?? current.tags,
  };
  return parseOrThrow(taskDefinitionSchema, next, 'task');
}

function nextMessages(current: ChatMessage[], patch: UpdateTaskRequest): ChatMessage[] {
  if (patch.messages) return patch.messages;
  if (patch.prompt === undefined && patch.system === undefined) return current;
  const shorthand = asShorthand(current);
  if (!shorthand) {
    const field = patch.prompt === undefined ? 'system' : 'prompt';
    const problem = `cannot edit a template of ${current.length} messages; send the whole messages list instead`;
    throw new GtrError('E_VALIDATION', `Invalid request: ${field} ${problem}`, [{ field, message: problem }]);
  }
  const system = patch.system === undefined ? shorthand.system : patch.system;
  return shorthandMessages(patch.prompt ?? shorthand.prompt, system);
}

/** `[user]` or `[system, user]` as prompt and system; null for any other template. */
function asShorthand(messages: readonly ChatMessage[]): { prompt: string; system: string | null } | null {
  const [first, second] = messages;
  if (messages.length === 1 && first.role === 'user') return { prompt: first.content, system: null };
  if (messages.length === 2 && first.role === 'system' && second.role === 'user') {
    return { prompt: second.content, system: first.content };
  }
  return null;
}

/** Applies a key-by-key patch: a value sets, `null` removes; a `null` patch empties the object. */
function mergeKeys<T extends object>(
  current: T,
  patch: { [K in keyof T]?: T[K] | null } | null | undefined,
): T {
  if (patch === undefined) return current;
  if (patch === null) return {} as T;
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as T;
}
