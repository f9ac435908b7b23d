import { type CompletionRequest } from '../provider/provider';
import { estimateTokens } from '../providers/estimate-tokens';

/** What one provider call takes from a key's limits. */
export interface RateLimitCost {
  /** Requests, normally 1. */
  requests: number;
  /** Estimated tokens: prompt plus the completion budget. */
  tokens: number;
}

/** Options of {@link rateLimitCostOf}. */
export interface RateLimitCostOptions {
  /**
   * Completion tokens to budget for a request that sets no `maxTokens` (default 256). Providers
   * count their own default against the limit; the correction after the call fixes the rest.
   */
  defaultCompletionTokens?: number;
}

const DEFAULT_COMPLETION_TOKENS = 256;

/**
 * The cost of `request` before it is sent: one request, and the prompt's estimated tokens (the
 * text of every message, about four characters a token) plus its `maxTokens`. This is how
 * OpenAI-compatible providers charge a call against the token limit when they admit it.
 */
export function rateLimitCostOf(
  request: CompletionRequest,
  options: RateLimitCostOptions = {},
): RateLimitCost {
  const prompt = Math.max(1, estimateTokens(request.messages.map((message) => message.content).join('')));
  const completion = request.params.maxTokens ?? options.defaultCompletionTokens ?? DEFAULT_COMPLETION_TOKENS;
  return { requests: 1, tokens: prompt + completion };
}

/** Throws a RangeError unless both parts of `cost` are finite and not negative. */
export function assertValidCost(cost: RateLimitCost): void {
  for (const [name, value] of Object.entries(cost)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`Rate limit cost ${name} must be a number >= 0, got ${String(value)}`);
    }
  }
}
