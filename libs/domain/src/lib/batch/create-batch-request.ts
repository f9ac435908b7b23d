import { z } from 'zod';
import { runParamsSchema } from '../run-request';
import { taskModelSchema } from '../task/task-definition';
import { taskNameSchema } from '../task/task-name';

/** Most rows a JSON batch body may hold; larger batches are uploaded as a file. */
export const MAX_JSON_BATCH_ROWS = 10_000;
/** Highest batch priority; runs of a higher-priority batch are taken first. */
export const MAX_BATCH_PRIORITY = 999;
/** Highest per-batch concurrency cap (provider calls of one batch in flight across all workers). */
export const MAX_BATCH_CONCURRENCY = 1000;

/** `queue` runs rows through gtr's workers; `provider_batch` submits them to the provider's Batch API. */
export const BATCH_EXECUTION_MODES = ['queue', 'provider_batch'] as const;
export type BatchExecutionMode = (typeof BATCH_EXECUTION_MODES)[number];

const batchSettings = {
  /** Run each row through this task: rows are its template variables. */
  task: taskNameSchema.optional(),
  /** A task version to pin; default the latest. Only with `task`. */
  version: z.number().int().min(1).optional(),
  name: z.string().min(1).max(200).optional(),
  /** The provider of every row (e.g. `dry-run`); default the task's, else the API default. */
  provider: z.string().min(1).max(100).optional(),
  /** Every row's model (a row's own `model` wins; with a task, replaces the task's). */
  model: taskModelSchema.optional(),
  /** Merged under each row's own params (task mode: over the task's). */
  params: runParamsSchema.optional(),
};

const batchOptionsSchema = z
  .object({
    /** Run the valid rows and report the invalid ones instead of refusing the whole batch. */
    skipInvalid: z.boolean().optional(),
    /** 0 (default) to 999. */
    priority: z.number().int().min(0).max(MAX_BATCH_PRIORITY).optional(),
    /** Provider calls of this batch in flight at once, across every worker; default no cap. */
    concurrency: z.number().int().min(1).max(MAX_BATCH_CONCURRENCY).optional(),
    /** How the rows are executed; default `queue`. */
    mode: z.enum(BATCH_EXECUTION_MODES).optional(),
  })
  .strict();

/** The settings of a batch submission, whatever its form. */
export const batchSubmissionSchema = z
  .object({ ...batchSettings, options: batchOptionsSchema.optional() })
  .strict()
  .refine((value) => value.version === undefined || value.task !== undefined, {
    message: 'needs task',
    path: ['task'],
  });
export type BatchSubmission = z.infer<typeof batchSubmissionSchema>;

/** `POST /v1/batches` JSON body: the settings and the rows (as JSONL lines of a task file). */
export const createBatchRequestSchema = z
  .object({
    ...batchSettings,
    options: batchOptionsSchema.optional(),
    rows: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_JSON_BATCH_ROWS),
  })
  .strict()
  .refine((value) => value.version === undefined || value.task !== undefined, {
    message: 'needs task',
    path: ['task'],
  });
export type CreateBatchRequest = z.infer<typeof createBatchRequestSchema>;

const formBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const formInt = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform((v) => Number(v));
const formJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
    return z.NEVER;
  }
});

/**
 * `POST /v1/batches` multipart form fields (all text): `task`, `version`, `name`, `provider`, `model`,
 * `params` (JSON), `skipInvalid` (`true`/`false`), `priority`, `concurrency`, `mode`. Parsed into a
 * `BatchSubmission`.
 */
export const batchFormFieldsSchema = z
  .object({
    task: z.string().optional(),
    version: formInt.optional(),
    name: z.string().optional(),
    provider: z.string().optional(),
    model: z.string().optional(),
    params: formJson.optional(),
    skipInvalid: formBoolean.optional(),
    priority: formInt.optional(),
    concurrency: formInt.optional(),
    mode: z.string().optional(),
  })
  .strict()
  .transform(({ skipInvalid, priority, concurrency, mode, ...rest }): Record<string, unknown> => {
    const given = { skipInvalid, priority, concurrency, mode };
    const options = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    return Object.keys(options).length > 0 ? { ...rest, options } : rest;
  });
