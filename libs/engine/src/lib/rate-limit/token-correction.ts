import { type TokenUsage } from '@gtr/domain';

/**
 * How the tokens reserved before a call are corrected by its real usage:
 * - `overrun`: charge only what it used beyond the reservation. OpenAI-compatible providers
 *   count a call's prompt estimate plus its `max_tokens` when they admit it and do not give
 *   unused completion tokens back, so giving them back here would pace above their count.
 * - `exact`: also give back what went unused, for providers that count real usage.
 */
export type TokenCorrectionMode = 'overrun' | 'exact';

/** The `tokensDelta` for `RateLimiter.adjust` after a call that reserved `reservedTokens`. */
export function tokenCorrection(
  reservedTokens: number,
  usage: TokenUsage,
  mode: TokenCorrectionMode = 'overrun',
): number {
  const delta = usage.totalTokens - reservedTokens;
  return mode === 'exact' ? delta : Math.max(0, delta);
}
