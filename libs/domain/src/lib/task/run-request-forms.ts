import { z } from 'zod';
import { GtrError } from '../gtr-error';
import { type CreateRunRequest, createRunSchema } from '../run-request';
import { parseOrThrow } from '../validation';
import { type CreateTaskRunRequest, createTaskRunSchema } from './task-run-request';

/** `POST /v1/runs` body in either form: ad hoc (`prompt` / `messages`) or from a task (`task`). */
export type RunRequest = CreateRunRequest | CreateTaskRunRequest;

/** Both forms, for the OpenAPI document; parse with `parseRunRequest`, which names mixed fields. */
export const runRequestSchema = z.union([createRunSchema, createTaskRunSchema]);

/** Fields of the ad-hoc form only: a task brings its own template and provider. */
const AD_HOC_ONLY = ['prompt', 'system', 'messages', 'provider'] as const;
/** Fields of the task form only. */
const TASK_ONLY = ['version', 'input'] as const;

export function isTaskRunRequest(request: RunRequest): request is CreateTaskRunRequest {
  return 'task' in request;
}

/**
 * Parses a `POST /v1/runs` body: the task form when it has `task`, else the ad-hoc form. The forms
 * do not mix: a field of the other form is an error naming that field.
 * @throws GtrError `E_VALIDATION` naming every bad field.
 */
export function parseRunRequest(body: unknown): RunRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return parseOrThrow(createRunSchema, body);
  if ('task' in body) {
    const mixed = AD_HOC_ONLY.filter((key) => key in body);
    if (mixed.length > 0) {
      throw new GtrError(
        'E_VALIDATION',
        `Invalid request: ${mixed[0]} cannot be combined with task`,
        mixed.map((field) => ({
          field,
          message:
            field === 'provider'
              ? "cannot be combined with task; the task's provider is used"
              : 'cannot be combined with task; the template comes from the task',
        })),
      );
    }
    return parseOrThrow(createTaskRunSchema, body);
  }
  const orphans = TASK_ONLY.filter((key) => key in body);
  if (orphans.length > 0) {
    const message = `is required with ${orphans.join(' and ')}`;
    throw new GtrError('E_VALIDATION', `Invalid request: task ${message}`, [{ field: 'task', message }]);
  }
  return parseOrThrow(createRunSchema, body);
}
