import { z } from 'zod';
import { cronProblem } from './cron-syntax';
import { scheduleNameSchema } from './schedule-name';
import { intervalProblem } from './schedule-interval';
import { SCHEDULE_MISSED_POLICIES, SCHEDULE_OVERLAP_POLICIES } from './schedule-policies';
import { scheduleTargetSchema } from './schedule-target';
import { timeZoneProblem } from './time-zone';

/** A cron expression; its problem (with the field and an example) is the issue message. */
export const cronSchema = z.string().superRefine((expression, ctx) => {
  const problem = cronProblem(expression);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** An interval such as `30s`, `5m`, `1h30m`. */
export const intervalSchema = z.string().superRefine((text, ctx) => {
  const problem = intervalProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** An IANA time zone name. */
export const timeZoneSchema = z.string().superRefine((timeZone, ctx) => {
  const problem = timeZoneProblem(timeZone);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const overlapPolicySchema = z.enum(SCHEDULE_OVERLAP_POLICIES);
const missedPolicySchema = z.enum(SCHEDULE_MISSED_POLICIES);

/**
 * `POST /v1/schedules` body: a name, exactly one of `cron` and `every`, what to start, and
 * its policies. `timezone` (default `UTC`) is the zone the cron expression is read in.
 */
export const createScheduleSchema = z
  .object({
    name: scheduleNameSchema,
    cron: cronSchema.optional(),
    every: intervalSchema.optional(),
    timezone: timeZoneSchema.default('UTC'),
    target: scheduleTargetSchema,
    enabled: z.boolean().default(true),
    overlapPolicy: overlapPolicySchema.default('skip'),
    missedPolicy: missedPolicySchema.default('skip'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.cron === undefined && body.every === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: 'is required (or give every); example: "*/5 * * * *"',
      });
    }
    if (body.cron !== undefined && body.every !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['every'],
        message: 'cannot be combined with cron; give one of them',
      });
    }
  });
export type CreateScheduleRequest = z.infer<typeof createScheduleSchema>;
/** What a client sends to `POST /v1/schedules` (defaults may be left out). */
export type CreateScheduleBody = z.input<typeof createScheduleSchema>;

/**
 * `PATCH /v1/schedules/:name` body: the fields to change. Giving `cron` replaces an interval
 * and giving `every` replaces a cron expression; `target` is replaced as a whole.
 */
export const updateScheduleSchema = z
  .object({
    cron: cronSchema.optional(),
    every: intervalSchema.optional(),
    timezone: timeZoneSchema.optional(),
    target: scheduleTargetSchema.optional(),
    enabled: z.boolean().optional(),
    overlapPolicy: overlapPolicySchema.optional(),
    missedPolicy: missedPolicySchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.cron !== undefined && body.every !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['every'],
        message: 'cannot be combined with cron; give one of them',
      });
    }
    if (Object.keys(body).length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'must change at least one field' });
    }
  });
export type UpdateScheduleRequest = z.infer<typeof updateScheduleSchema>;
/** What a client sends to `PATCH /v1/schedules/:name`. */
export type UpdateScheduleBody = z.input<typeof updateScheduleSchema>;
