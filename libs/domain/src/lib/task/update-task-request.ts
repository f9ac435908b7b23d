import { z } from 'zod';
import { type RunParams, runParamsSchema } from '../run-request';
import { outputSchemaSchema } from './output-schema';
import {
  taskDescriptionSchema,
  taskModelSchema,
  taskProviderSchema,
  taskTimeoutSchema,
  templateMessagesSchema,
} from './task-definition';
import { taskRetryPolicyPatchSchema } from './task-retry-policy';
import { taskTagsSchema } from './task-tags';
import { templateTextSchema } from './template-text';

/** A change to params: a value sets the key, `null` removes it, absent keeps it. */
export type RunParamsPatch = { [K in keyof RunParams]?: RunParams[K] | null };

const paramsPatchShape = Object.fromEntries(
  Object.entries(runParamsSchema.shape).map(([key, schema]) => [key, schema.unwrap().nullable().optional()]),
);
export const runParamsPatchSchema = z
  .object(paramsPatchShape)
  .strict() as unknown as z.ZodType<RunParamsPatch>;

/**
 * `PATCH /v1/tasks/:name` body: only the fields to change; the result is a new version.
 * `null` clears an optional field (back to the API default). `params` and `retryPolicy` change
 * key by key (a `null` key removes it); every other field is replaced as a whole. `prompt` and
 * `system` edit a template of the shorthand form (`[system?, user]`); `messages` replaces any
 * template.
 */
export const updateTaskSchema = z
  .object({
    description: taskDescriptionSchema.nullable().optional(),
    prompt: templateTextSchema.optional(),
    system: templateTextSchema.nullable().optional(),
    messages: templateMessagesSchema.optional(),
    provider: taskProviderSchema.nullable().optional(),
    model: taskModelSchema.nullable().optional(),
    params: runParamsPatchSchema.nullable().optional(),
    outputSchema: outputSchemaSchema.nullable().optional(),
    retryPolicy: taskRetryPolicyPatchSchema.nullable().optional(),
    timeoutMs: taskTimeoutSchema.nullable().optional(),
    tags: taskTagsSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'must change at least one field' });
    }
    if (body.messages !== undefined && body.prompt !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'cannot be combined with prompt' });
    }
    if (body.messages !== undefined && body.system !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['system'],
        message: 'cannot be combined with messages; add a system message instead',
      });
    }
  });
export type UpdateTaskRequest = z.infer<typeof updateTaskSchema>;
