import { z } from 'zod';

/** Longest a cached answer may be reused: 30 days. */
export const MAX_CACHE_TTL_SECONDS = 2_592_000;

/**
 * A run's opt-in to the response cache (`cache` of `POST /v1/runs`): an identical earlier answer
 * (same provider, model, messages, params and output schema, same tenant) younger than
 * `ttlSeconds` is returned without calling the provider, and this run's answer is kept that long.
 * Without it a run never reads or writes the cache.
 */
export const runCacheSchema = z
  .object({
    ttlSeconds: z.number().int().min(1).max(MAX_CACHE_TTL_SECONDS),
  })
  .strict();
export type RunCacheOptions = z.infer<typeof runCacheSchema>;
