import { type HeadersLike, headerValue } from './headers-like';
import { type RateLimitSnapshot } from './rate-limit-snapshot';

const SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * How long the provider asked us to wait before the next call, in whole milliseconds, or null
 * when it did not say. In order of precedence: `retry-after-ms`; `retry-after` as seconds or an
 * HTTP date; and on a 429, the reset time of the exhausted `x-ratelimit-*` window (the larger
 * of the two when neither or both are exhausted).
 */
export function retryAfterMsFrom(
  headers: HeadersLike | null | undefined,
  httpStatus: number | null,
  rateLimit: RateLimitSnapshot | null,
  now: number = Date.now(),
): number | null {
  const millis = headerValue(headers, 'retry-after-ms');
  if (millis !== null && SECONDS.test(millis)) return Math.ceil(Number(millis));

  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter !== null) {
    if (SECONDS.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil(date - now));
  }

  if (httpStatus === 429 && rateLimit) return exhaustedWindowReset(rateLimit);
  return null;
}

function exhaustedWindowReset(rl: RateLimitSnapshot): number | null {
  const windows = [
    { remaining: rl.remainingRequests, reset: rl.resetRequestsMs },
    { remaining: rl.remainingTokens, reset: rl.resetTokensMs },
  ].filter((w): w is { remaining: number | null; reset: number } => w.reset !== null);
  const exhausted = windows.filter((w) => w.remaining === 0);
  const relevant = exhausted.length ? exhausted : windows;
  if (!relevant.length) return null;
  return Math.ceil(Math.max(...relevant.map((w) => w.reset)));
}
