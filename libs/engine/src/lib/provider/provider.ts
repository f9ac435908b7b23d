import { type ChatMessage, type RunParams, type TokenUsage } from '@gtr/domain';
import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';

/** One chat completion call, as the engine asks a provider for it. */
export interface CompletionRequest {
  model: string;
  messages: ChatMessage[];
  /** Sampling parameters; an absent field means "provider default", 0 is a value. */
  params: RunParams;
  /** JSON Schema the answer must follow; the provider then returns the parsed value as `json`. */
  outputSchema?: Record<string, unknown> | null;
}

/** A successful provider answer. */
export interface CompletionResult {
  text: string | null;
  /** The parsed answer; present only when the request had an `outputSchema`. */
  json?: unknown;
  usage: TokenUsage;
  /** `stop`, `length` (cut off by max tokens), `content_filter`, …; null when the provider gave none. */
  finishReason: string | null;
  providerRequestId: string | null;
  httpStatus: number;
  rateLimit: RateLimitSnapshot | null;
}

/**
 * Something that completes a chat request. `complete` rejects only with a `ProviderError`
 * and stops work promptly when `signal` aborts.
 */
export interface Provider {
  readonly name: string;
  /** True when calls cost nothing whatever the model (dry-run); cost is then 0. */
  readonly free?: boolean;
  complete(req: CompletionRequest, signal: AbortSignal): Promise<CompletionResult>;
}
