import { z } from 'zod';
import { MAX_PROMPT_CHARS, runParamsSchema } from '../run-request';
import { outputSchemaSchema } from './output-schema';
import { taskRetryPolicySchema } from './task-retry-policy';
import { taskTagsSchema } from './task-tags';
import { templateMessageSchema } from './template-text';

/** Longest task description. */
export const MAX_TASK_DESCRIPTION_CHARS = 2000;
/** Longest per-attempt timeout a task may set: one hour. */
export const MAX_TASK_TIMEOUT_MS = 3_600_000;

export const taskDescriptionSchema = z.string().max(MAX_TASK_DESCRIPTION_CHARS);
export const taskProviderSchema = z.string().min(1).max(64);
export const taskModelSchema = z.string().min(1).max(200);
export const taskTimeoutSchema = z.number().int().min(1).max(MAX_TASK_TIMEOUT_MS);

/** Messages of a template: 1-1000, at most `MAX_PROMPT_CHARS` characters in all. */
export const templateMessagesSchema = z
  .array(templateMessageSchema)
  .min(1, 'must hold at least one message')
  .max(1000)
  .superRefine((messages, ctx) => {
    const size = messages.reduce((n, m) => n + m.content.length, 0);
    if (size > MAX_PROMPT_CHARS) {
      ctx.addIssue({ code: 'custom', message: `is ${size} characters; the limit is ${MAX_PROMPT_CHARS}` });
    }
  });

/**
 * Everything one version of a task holds. `null` (and `{}` for the retry policy) means "the API's
 * default when the run is created": the default provider, its default model, `GTR_RUN_TIMEOUT_MS`,
 * `GTR_MAX_ATTEMPTS`.
 */
export const taskDefinitionSchema = z
  .object({
    description: taskDescriptionSchema.nullable(),
    /** The messages template, content with `{{variables}}`. */
    messages: templateMessagesSchema,
    provider: taskProviderSchema.nullable(),
    model: taskModelSchema.nullable(),
    params: runParamsSchema,
    /** JSON Schema of the output (OpenAI structured outputs). */
    outputSchema: outputSchemaSchema.nullable(),
    retryPolicy: taskRetryPolicySchema,
    /** Per-attempt provider timeout. */
    timeoutMs: taskTimeoutSchema.nullable(),
    tags: taskTagsSchema,
  })
  .strict();
export type TaskDefinition = z.infer<typeof taskDefinitionSchema>;
