import { type AttemptOutcome } from '../attempt/execute-attempt';
import { type RateLimitCost } from './rate-limit-cost';
import { type RateLimiter } from './rate-limiter';
import { tokenCorrection, type TokenCorrectionMode } from './token-correction';

/** Options of {@link recordRateLimitOutcome}. */
export interface RateLimitOutcomeOptions {
  /** Default `overrun`; see {@link TokenCorrectionMode}. */
  tokenCorrection?: TokenCorrectionMode;
  /** Pause after a 429 that did not say how long to wait (default 1000 ms). */
  defaultPauseMs?: number;
}

const DEFAULT_PAUSE_MS = 1000;

/**
 * Tells the limiter how a call that acquired `cost` on `key` ended:
 * - success: learns the limits from the response headers (none: the key is unreported) and
 *   corrects the tokens by the real usage;
 * - any failure with rate-limit headers: learns from them;
 * - a failure (not a 429) answered without such headers: marks the key unreported, as a
 *   success would;
 * - a 429 (`E_RATE_LIMIT`, not `E_QUOTA`): pauses the key for the provider's `retry-after`;
 * - no answer (timeout, network, abort): ends a probe the call held, learns nothing.
 * The slot a failed call used stays spent, as the provider counted it.
 */
export async function recordRateLimitOutcome(
  limiter: RateLimiter,
  key: string,
  cost: RateLimitCost,
  outcome: AttemptOutcome,
  options: RateLimitOutcomeOptions = {},
): Promise<void> {
  if (outcome.ok) {
    const { rateLimit, usage } = outcome.result;
    await limiter.learn(key, rateLimit);
    const tokensDelta = tokenCorrection(cost.tokens, usage, options.tokenCorrection);
    if (tokensDelta !== 0) await limiter.adjust(key, { tokensDelta });
    return;
  }
  const { error } = outcome;
  if (error.rateLimit) await limiter.learn(key, error.rateLimit);
  // An answer without limit headers tells as much as a success without them (a 429 does not:
  // the key is limited, whatever its headers say).
  else if (error.httpStatus !== null && error.httpStatus !== 429) await limiter.learn(key, null);
  if (error.code === 'E_RATE_LIMIT') {
    await limiter.pause(key, error.retryAfterMs ?? options.defaultPauseMs ?? DEFAULT_PAUSE_MS);
  } else if (error.httpStatus === null) {
    // No answer at all (timeout, network, abort): nothing learned, but a probe this call held
    // is over, so the calls waiting for it go on instead of waiting out the lease.
    await limiter.pause(key, 0);
  }
}
