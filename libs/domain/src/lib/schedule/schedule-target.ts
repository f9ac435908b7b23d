import { z } from 'zod';
import { GtrError } from '../gtr-error';
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

/**
 * Run a stored task file as a batch. Not supported yet: the type exists so that requests and
 * stored rows can name it, and `assertSupportedTarget` rejects it.
 */
export const scheduleBatchTargetSchema = z
  .object({
    type: z.literal('batch'),
    /** Path of the task file (CSV or JSONL rows) as the client named it. */
    file: z.string().min(1, 'must not be empty'),
    /** Where results are written. */
    output: z.string().min(1, 'must not be empty').optional(),
  })
  .strict();
export type ScheduleBatchTarget = z.infer<typeof scheduleBatchTargetSchema>;

/** What a schedule starts at each fire. */
export const scheduleTargetSchema = z.discriminatedUnion('type', [
  scheduleTaskTargetSchema,
  schedulePromptTargetSchema,
  scheduleBatchTargetSchema,
]);
export type ScheduleTarget = z.infer<typeof scheduleTargetSchema>;
export type ScheduleTargetType = ScheduleTarget['type'];

/** Message of the error for a batch target. */
export const BATCH_TARGET_UNSUPPORTED =
  'batch targets (a task file run as a batch) are not supported yet; schedule a task (--task) or a prompt (--prompt)';

/**
 * Throws for a target type that is not supported yet (`batch`).
 * @throws GtrError `E_VALIDATION` (field `target.type`).
 */
export function assertSupportedTarget(target: ScheduleTarget): void {
  if (target.type === 'batch') {
    throw new GtrError('E_VALIDATION', `Invalid request: target.type ${BATCH_TARGET_UNSUPPORTED}`, [
      { field: 'target.type', message: BATCH_TARGET_UNSUPPORTED },
    ]);
  }
}
