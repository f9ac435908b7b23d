import { type RateLimitPolicy } from './rate-limit-policy';

/** Milliseconds one unit (a request, a token) occupies at `perMinute` less the headroom. */
export function unitIntervalMs(perMinute: number, headroom: number): number {
  return 60_000 / (perMinute * (1 - headroom));
}

/**
 * How far a call of `units` pushes its dimension's next arrival time. At least its share of the
 * minute (units × unit interval). When the provider may count the limit per `quantumMs` window
 * too (OpenAI enforces 600 RPM as 10 requests in any second), also enough that the k calls of
 * this size that fit in one window's share (`perMinute · quantumMs / 60 000`) are spread over
 * the window plus `jitterMs`: a (k+1)-th call can then land in the same window only if the
 * network delays the first one more than `jitterMs` longer than it.
 */
export function callIntervalMs(
  perMinute: number,
  units: number,
  policy: Pick<RateLimitPolicy, 'headroom' | 'quantumMs' | 'jitterMs'>,
): number {
  const share = units * unitIntervalMs(perMinute, policy.headroom);
  const fitting = policy.quantumMs > 0 ? Math.floor((perMinute * policy.quantumMs) / 60_000 / units) : 0;
  return fitting >= 1 ? Math.max(share, (policy.quantumMs + policy.jitterMs) / fitting) : share;
}
