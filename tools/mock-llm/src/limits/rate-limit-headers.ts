import { openAiError, type OpenAiErrorResponse } from '../http/openai-error';
import { formatOpenAiDuration } from './openai-duration';
import { type RateLimitRejection, type RateLimitState } from './rate-limit-state';

/** The `x-ratelimit-*` headers of the configured dimensions (none when unlimited). */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, dimension] of [
    ['requests', state.requests],
    ['tokens', state.tokens],
  ] as const) {
    if (!dimension) continue;
    headers[`x-ratelimit-limit-${name}`] = String(dimension.limit);
    headers[`x-ratelimit-remaining-${name}`] = String(dimension.remaining);
    headers[`x-ratelimit-reset-${name}`] = formatOpenAiDuration(dimension.resetMs);
  }
  return headers;
}

/** `retry-after` (whole seconds, rounded up) and `retry-after-ms`. */
export function retryAfterHeaders(ms: number): Record<string, string> {
  const wait = Math.max(0, Math.ceil(ms));
  return { 'retry-after': String(Math.ceil(wait / 1000)), 'retry-after-ms': String(wait) };
}

/** The 429 `rate_limit_exceeded` of a real limit, worded as OpenAI words it. */
export function rateLimitError(
  rejection: RateLimitRejection,
  model: string,
  headers: Record<string, string>,
): OpenAiErrorResponse {
  const unit = rejection.dimension === 'requests' ? 'RPM' : 'TPM';
  const per = rejection.window === 'second' ? 'sec' : 'min';
  const message =
    `Rate limit reached for ${model} in organization org-mock on ${rejection.dimension} per ${per} (${unit}): ` +
    `Limit ${rejection.limit}, Used ${rejection.used}, Requested ${rejection.requested}. ` +
    `Please try again in ${formatOpenAiDuration(rejection.retryAfterMs)}. ` +
    'Visit https://platform.openai.com/account/rate-limits to learn more.';
  return openAiError(429, message, rejection.dimension, 'rate_limit_exceeded', null, {
    ...headers,
    ...retryAfterHeaders(rejection.retryAfterMs),
  });
}

/** The 429 of an injected rate-limit fault, with the configured wait. */
export function injectedRateLimitError(
  model: string,
  retryAfterMs: number,
  headers: Record<string, string>,
): OpenAiErrorResponse {
  return openAiError(
    429,
    `Rate limit reached for ${model} in organization org-mock on requests per min (RPM). Please try again in ${formatOpenAiDuration(retryAfterMs)}.`,
    'requests',
    'rate_limit_exceeded',
    null,
    { ...headers, ...retryAfterHeaders(retryAfterMs) },
  );
}
