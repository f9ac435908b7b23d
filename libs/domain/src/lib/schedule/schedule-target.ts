import { z } from 'zod';
import { MAX_BATCH_CONCURRENCY, MAX_BATCH_PRIORITY } from '../batch/create-batch-request';
import { chatMessageSchema, MAX_PROMPT_CHARS, runParamsSchema } from '../run-request';
import { SCHEDULE_NAME_PATTERN } from './schedule-name';

/** Variables of a task's template: any JSON object. */
const inputSchema = z.record(z.string(), z.unknown());

/** Run a task (its latest version, or a pinned one) with fixed input. */
export const scheduleTaskTargetSchema = z
  .object({
    type: z.literal('task'),
    /** The task's name. */
    task: z.string().regex(SCHEDULE_NAME_PATTERN, 'must be a task name, e.g. "summarize"'),
    /** Pinned version; absent = the task's latest version at each fire. */
    version: z.number().int().min(1).optional(),
    input: inputSchema.default({}),
  })
  .strict();
export type ScheduleTaskTarget = z.infer<typeof scheduleTaskTargetSchema>;

/** An ad-hoc run: `prompt` (+ optional `system`) or `messages`, as `POST /v1/runs` takes them. */
export const schedulePromptTargetSchema = z
  .object({
    type: z.literal('prompt'),
    prompt: z.string().min(1, 'must not be empty').optional(),
    system: z.string().min(1, 'must not be empty').optional(),
    messages: z.array(chatMessageSchema).min(1, 'must hold at least one message').max(1000).optional(),
    provider: z.string().min(1).max(64).optional(),
    model: z.string().min(1).max(200).optional(),
    params: runParamsSchema.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((target, ctx) => {
    if (target.prompt === undefined && target.messages === undefined) {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'is required (or give messages)' });
    }
    if (target.prompt !== undefined && target.messages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'cannot be combined with prompt' });
    }
    if (target.system !== undefined && target.messages !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['system'],
        message: 'cannot be combined with messages; add a system message instead',
      });
    }
    const size =
      (target.prompt?.length ?? 0) +
      (target.system?.length ?? 0) +
      (target.messages ?? []).reduce((n, m) => n + m.content.length, 0);
    if (size > MAX_PROMPT_CHARS) {
      ctx.addIssue({
        code: 'custom',
        path: [target.messages ? 'messages' : 'prompt'],
        message: `is ${size} characters; the limit is ${MAX_PROMPT_CHARS}`,
      });
    }
  });
export type SchedulePromptTarget = z.infer<typeof schedulePromptTargetSchema>;

/** Options of the batch a batch target creates at each fire (as `POST /v1/batches` takes them). */
const scheduleBatchOptionsSchema = z
  .object({
    /** Run the valid rows when some cannot be rendered, instead of failing the fire. */
    skipInvalid: z.boolean().optional(),
    /** 0 (default) to 999. */
    priority: z.number().int().min(0).max(MAX_BATCH_PRIORITY).optional(),
    /** Provider calls of each fire's batch in flight at once, across every worker; default no cap. */
    concurrency: z.number().int().min(1).max(MAX_BATCH_CONCURRENCY).optional(),
  })
  .strict();

/**
 * Run a stored task file (`POST /v1/task-files`) as a batch: each fire creates a batch of its
 * rows, rendered with `task` (default: the task the file was checked against) or, for a file
 * of ad-hoc rows, as their own requests.
 */
export const scheduleBatchTargetSchema = z
  .object({
    type: z.literal('batch'),
    /** The stored task file's id. */
    taskFile: z.string().uuid('must be a task file id (see gtr schedule add -i or POST /v1/task-files)'),
    /** The task each row runs; must be the one the file was checked against. */
    task: z.string().regex(SCHEDULE_NAME_PATTERN, 'must be a task name, e.g. "summarize"').optional(),
    /** Pinned task version; absent = the task's latest version at each fire. */
    version: z.number().int().min(1).optional(),
    /** Every row's model (a row's own `model` wins; with a task, replaces the task's). */
    model: z.string().min(1).max(200).optional(),
    params: runParamsSchema.optional(),
    options: scheduleBatchOptionsSchema.optional(),
    /** Where the client writes the latest fire's results (`gtr schedule results`); the server only keeps it. */
    output: z.string().min(1, 'must not be empty').max(1000).optional(),
  })
  .strict()
  .refine((value) => value.version === undefined || value.task !== undefined, {
    message: 'needs task',
    path: ['task'],
  });
export type ScheduleBatchTarget = z.infer<typeof scheduleBatchTargetSchema>;

/** What a schedule starts at each fire. */
export const scheduleTargetSchema = z.discriminatedUnion('type', [
  scheduleTaskTargetSchema,
  schedulePromptTargetSchema,
  scheduleBatchTargetSchema,
]);
export type ScheduleTarget = z.infer<typeof scheduleTargetSchema>;
export type ScheduleTargetType = ScheduleTarget['type'];
