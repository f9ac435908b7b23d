import { type TokenUsage } from '@gtr/domain';

/** A provider's successful answer, as the response cache keeps it. */
export interface ResponseCacheEntry {
  provider: string;
  model: string;
  outputText: string | null;
  /** The parsed answer of a request with an output schema; null or absent when there is none. */
  outputJson?: unknown;
  finishReason: string | null;
  /** Usage of the provider call that produced the answer. */
  usage: TokenUsage;
}

/** An entry read back from the cache, with when it was stored and until when it may be used. */
export interface CachedResponse extends ResponseCacheEntry {
  outputJson: unknown;
  createdAt: Date;
  expiresAt: Date;
}
