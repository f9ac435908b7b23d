import { type RateLimits } from './rate-limits';

/** One row of the configured limits table. */
export interface RateLimitRule extends RateLimits {
  /** The provider's configured name. */
  provider: string;
  /** The model; absent means every model of `provider` (fields a model's own rule leaves unset). */
  model?: string;
}

/**
 * The configured limits of `provider` / `model`: the fields of the model's rule, completed by the
 * provider-wide rule. Fields no rule sets stay unknown (the limiter learns them).
 */
export function resolveRateLimits(
  rules: readonly RateLimitRule[] | null | undefined,
  provider: string,
  model: string,
): RateLimits {
  const exact = rules?.find((rule) => rule.provider === provider && rule.model === model);
  const wide = rules?.find((rule) => rule.provider === provider && rule.model === undefined);
  return {
    requestsPerMinute: exact?.requestsPerMinute ?? wide?.requestsPerMinute ?? null,
    tokensPerMinute: exact?.tokensPerMinute ?? wide?.tokensPerMinute ?? null,
  };
}
