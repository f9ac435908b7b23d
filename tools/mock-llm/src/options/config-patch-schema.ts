import { z } from 'zod';
import { FAULT_KINDS, type FaultKind } from '../faults/fault-kind';
import { type MockLlmConfigPatch } from './mock-llm-options';

function perFault<T extends z.ZodType>(value: T) {
  const shape = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, value.optional()])) as Record<
    FaultKind,
    z.ZodOptional<T>
  >;
  return z.strictObject(shape);
}

const positiveOrNull = z.number().int().positive().nullable();

/** Validates a behaviour change from untrusted input (the admin API, the CLI). */
export const configPatchSchema = z
  .strictObject({
    apiKey: z.string().min(1).nullable(),
    latencyMs: z.number().int().min(0),
    jitterMs: z.number().int().min(0),
    rpm: positiveOrNull,
    tpm: positiveOrNull,
    limitWindow: z.enum(['minute', 'second']),
    defaultMaxTokens: z.number().int().positive(),
    contextWindowTokens: z.number().int().positive(),
    quotaExhausted: z.boolean(),
    models: z.array(z.string().min(1)).min(1),
    faults: perFault(z.number().min(0).max(1)),
    failNext: perFault(z.number().int().min(0)),
    faultRetryAfterMs: z.number().int().min(0),
    batchDelayMs: z.number().int().min(0),
    seed: z.number().int().nullable(),
  })
  .partial() satisfies z.ZodType<MockLlmConfigPatch>;

/** Parses a behaviour change; throws an Error naming the first bad field. */
export function parseConfigPatch(input: unknown): MockLlmConfigPatch {
  const result = configPatchSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : '(body)';
  throw new Error(`Invalid mock-llm option ${field}: ${issue.message}`);
}
