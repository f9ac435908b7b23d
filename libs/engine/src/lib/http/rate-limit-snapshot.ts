import { type HeadersLike, headerValue } from './headers-like';
import { parseDuration } from './parse-duration';

/**
 * The provider's rate-limit state as its response headers reported it
 * (`x-ratelimit-limit-requests`, `x-ratelimit-remaining-tokens`, `x-ratelimit-reset-requests`, …).
 * Each field is null when its header was absent or unreadable.
 */
export interface RateLimitSnapshot {
  limitRequests: number | null;
  limitTokens: number | null;
  remainingRequests: number | null;
  remainingTokens: number | null;
  /** Time until the request window resets, in milliseconds. */
  resetRequestsMs: number | null;
  /** Time until the token window resets, in milliseconds. */
  resetTokensMs: number | null;
}

/** Reads the `x-ratelimit-*` headers; null when none of them is present. */
export function parseRateLimitHeaders(headers: HeadersLike | null | undefined): RateLimitSnapshot | null {
  const snapshot: RateLimitSnapshot = {
    limitRequests: count(headerValue(headers, 'x-ratelimit-limit-requests')),
    limitTokens: count(headerValue(headers, 'x-ratelimit-limit-tokens')),
    remainingRequests: count(headerValue(headers, 'x-ratelimit-remaining-requests')),
    remainingTokens: count(headerValue(headers, 'x-ratelimit-remaining-tokens')),
    resetRequestsMs: parseDuration(headerValue(headers, 'x-ratelimit-reset-requests')),
    resetTokensMs: parseDuration(headerValue(headers, 'x-ratelimit-reset-tokens')),
  };
  return Object.values(snapshot).some((v) => v !== null) ? snapshot : null;
}

function count(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}
