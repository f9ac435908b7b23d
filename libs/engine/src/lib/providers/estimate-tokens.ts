/**
 * A deterministic token estimate: one token per 4 characters, rounded up. Good enough for
 * budgeting (rate limiter, dry-run usage); real usage comes from the provider.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
