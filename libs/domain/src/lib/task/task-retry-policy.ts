import { z } from 'zod';

/** Longest backoff a task may ask for: one hour. */
export const MAX_RETRY_DELAY_MS = 3_600_000;

const retryPolicyFields = {
  /** Provider calls in total, the first one included (1 = never retry). */
  maxAttempts: z.number().int().min(1).max(20),
  /** Backoff cap of the first retry; it doubles for each later one. */
  baseDelayMs: z.number().int().min(0).max(MAX_RETRY_DELAY_MS),
  /** Upper bound of the backoff cap. */
  maxDelayMs: z.number().int().min(0).max(MAX_RETRY_DELAY_MS),
};

/**
 * How a task's runs retry. Every field is optional: an absent one takes the API's default
 * (`GTR_MAX_ATTEMPTS`, the engine's backoff).
 */
export const taskRetryPolicySchema = z
  .object(retryPolicyFields)
  .partial()
  .strict()
  .superRefine((policy, ctx) => {
    if (
      policy.baseDelayMs !== undefined &&
      policy.maxDelayMs !== undefined &&
      policy.baseDelayMs > policy.maxDelayMs
    ) {
      ctx.addIssue({ code: 'custom', path: ['maxDelayMs'], message: 'must be at least baseDelayMs' });
    }
  });
export type TaskRetryPolicy = z.infer<typeof taskRetryPolicySchema>;

/** A change to a retry policy: a value sets the field, `null` removes it, absent keeps it. */
export const taskRetryPolicyPatchSchema = z
  .object({
    maxAttempts: retryPolicyFields.maxAttempts.nullable(),
    baseDelayMs: retryPolicyFields.baseDelayMs.nullable(),
    maxDelayMs: retryPolicyFields.maxDelayMs.nullable(),
  })
  .partial()
  .strict();
export type TaskRetryPolicyPatch = z.infer<typeof taskRetryPolicyPatchSchema>;
