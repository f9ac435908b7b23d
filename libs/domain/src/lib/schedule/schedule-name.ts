import { z } from 'zod';

/** A schedule name: unique per tenant; it is the schedule's handle in URLs and on the command line. */
export const SCHEDULE_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export const scheduleNameSchema = z
  .string()
  .regex(
    SCHEDULE_NAME_PATTERN,
    'must be 1-100 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit; example: "nightly-report"',
  );
