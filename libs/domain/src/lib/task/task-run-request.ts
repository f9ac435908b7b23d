import { z } from 'zod';
import { runCacheSchema } from '../run-cache';
import { runParamsSchema } from '../run-request';
import { taskModelSchema } from './task-definition';
import { taskNameSchema } from './task-name';

/** The variables a template is rendered with. */
export const taskInputSchema = z.record(z.string(), z.unknown());

const overrides = {
  /** A version to pin; default the latest. */
  version: z.number().int().min(1).optional(),
  input: taskInputSchema.optional(),
  /** Replaces the task's model for this run. */
  model: taskModelSchema.optional(),
  /** Merged key by key over the task's params for this run. */
  params: runParamsSchema.optional(),
};

/** `POST /v1/runs` body, task form: run a task's template rendered with `input`. */
export const createTaskRunSchema = z
  .object({
    task: taskNameSchema,
    ...overrides,
    metadata: z.record(z.string(), z.unknown()).optional(),
    idempotencyKey: z.string().min(1).max(200).optional(),
    cache: runCacheSchema.optional(),
  })
  .strict();
export type CreateTaskRunRequest = z.infer<typeof createTaskRunSchema>;

/** `POST /v1/tasks/:name/test` body: like the task form of a run, the name in the path. */
export const testTaskSchema = z
  .object({ ...overrides, metadata: z.record(z.string(), z.unknown()).optional() })
  .strict();
export type TestTaskRequest = z.infer<typeof testTaskSchema>;
