import { createHash } from 'node:crypto';
import { type ChatMessage, type RunParams } from '@gtr/domain';
import { canonicalJson } from './canonical-json';

/** Everything that decides a provider's answer, and so whether a cached answer may stand in for it. */
export interface CacheKeyInput {
  provider: string;
  model: string;
  messages: readonly ChatMessage[];
  /** Absent fields mean "provider default"; `temperature: 0` is a value and gives another key. */
  params: RunParams;
  /** Absent and null are the same: no output schema. */
  outputSchema?: Record<string, unknown> | null;
}

// Part of the hashed text: bump it when the key's inputs or their meaning change, so entries
// written under the old rules are never read under the new ones.
const KEY_VERSION = 1;

/**
 * The response-cache key of a request: lowercase hex SHA-256 of the canonical JSON of
 * `{ v, provider, model, messages, params, outputSchema }`. Stable across processes and releases
 * of the same key version; independent of key order in `params`, `outputSchema` and messages;
 * sensitive to every value, including message order and a parameter set to 0 versus absent.
 * The tenant is not part of it: the cache table is keyed by (tenant, key).
 */
export function cacheKeyOf(input: CacheKeyInput): string {
  const text = canonicalJson({
    v: KEY_VERSION,
    provider: input.provider,
    model: input.model,
    messages: input.messages,
    params: input.params,
    outputSchema: input.outputSchema ?? null,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
