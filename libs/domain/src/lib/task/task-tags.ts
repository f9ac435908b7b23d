import { z } from 'zod';

/** Most tags on one task. */
export const MAX_TASK_TAGS = 20;

/** One tag: 1-64 characters without spaces or commas (lists of tags are comma-separated in queries). */
export const taskTagSchema = z
  .string()
  .regex(/^[^\s,]{1,64}$/, 'must be 1-64 characters without spaces or commas');

/** A task's tags; duplicates are dropped, order is kept. */
export const taskTagsSchema = z
  .array(taskTagSchema)
  .max(MAX_TASK_TAGS)
  .transform((tags) => [...new Set(tags)]);
