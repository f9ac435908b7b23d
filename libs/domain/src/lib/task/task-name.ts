import { z } from 'zod';

/** A task name: unique per tenant among tasks that are not deleted; it is the task's handle in URLs. */
export const TASK_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export const taskNameSchema = z
  .string()
  .regex(
    TASK_NAME_PATTERN,
    'must be 1-100 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit',
  );
