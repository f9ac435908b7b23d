/** What a rate limiter knows about one key. */
export interface RateLimitKeyState {
  /** Limits learned from the provider's headers; a field is null when it was not reported. */
  learned: { requestsPerMinute: number | null; tokensPerMinute: number | null } | null;
  /** True when the provider answered without any limit header: the key is not probed any more. */
  unreported: boolean;
  /** How much longer the key is paused (after a 429), in milliseconds; 0 when it is not. */
  pausedForMs: number;
}
