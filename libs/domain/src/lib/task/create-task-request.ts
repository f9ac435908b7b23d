import { z } from 'zod';
import { type ChatMessage, MAX_PROMPT_CHARS, runParamsSchema } from '../run-request';
import { outputSchemaSchema } from './output-schema';
import {
  type TaskDefinition,
  taskDescriptionSchema,
  taskModelSchema,
  taskProviderSchema,
  taskTimeoutSchema,
  templateMessagesSchema,
} from './task-definition';
import { taskNameSchema } from './task-name';
import { taskRetryPolicySchema } from './task-retry-policy';
import { taskTagsSchema } from './task-tags';
import { templateTextSchema } from './template-text';

/**
 * `POST /v1/tasks` body. The template is `prompt` (one user message, optional `system` before it)
 * or `messages`, like an ad-hoc run, with `{{variables}}` in the content.
 */
export const createTaskSchema = z
  .object({
    name: taskNameSchema,
    description: taskDescriptionSchema.optional(),
    prompt: templateTextSchema.optional(),
    system: templateTextSchema.optional(),
    messages: templateMessagesSchema.optional(),
    provider: taskProviderSchema.optional(),
    model: taskModelSchema.optional(),
    params: runParamsSchema.optional(),
    outputSchema: outputSchemaSchema.optional(),
    retryPolicy: taskRetryPolicySchema.optional(),
    timeoutMs: taskTimeoutSchema.optional(),
    tags: taskTagsSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.prompt === undefined && body.messages === undefined) {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'is required (or give messages)' });
    }
    if (body.prompt !== undefined && body.messages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'cannot be combined with prompt' });
    }
    if (body.system !== undefined && body.messages !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['system'],
        message: 'cannot be combined with messages; add a system message instead',
      });
    }
    const size = (body.prompt?.length ?? 0) + (body.system?.length ?? 0);
    if (size > MAX_PROMPT_CHARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['prompt'],
        message: `is ${size} characters; the limit is ${MAX_PROMPT_CHARS}`,
      });
    }
  });
export type CreateTaskRequest = z.infer<typeof createTaskSchema>;

/** The messages template of the shorthand form: an optional system message, then the prompt. */
export function shorthandMessages(prompt: string, system: string | null | undefined): ChatMessage[] {
  return system
    ? [
        { role: 'system', content: system },
        { role: 'user', content: prompt },
      ]
    : [{ role: 'user', content: prompt }];
}

/** The first version of a task, from a validated create request. */
export function taskDefinitionOf(body: CreateTaskRequest): TaskDefinition {
  return {
    description: body.description ?? null,
    messages: body.messages ?? shorthandMessages(body.prompt ?? '', body.system),
    provider: body.provider ?? null,
    model: body.model ?? null,
    params: body.params ?? {},
    outputSchema: body.outputSchema ?? null,
    retryPolicy: body.retryPolicy ?? {},
    timeoutMs: body.timeoutMs ?? null,
    tags: body.tags ?? [],
  };
}
