/** The smaller of a configured and a learned per-minute limit; null when neither is known. */
export function effectiveLimit(configured: number | null | undefined, learned: number | null | undefined): number | null {
  const known = [configured, learned].filter((value): value is number => typeof value === 'number' && value > 0);
  return known.length ? Math.min(...known) : null;
}

/** Milliseconds one unit (a request, a token) occupies at `perMinute` less `headroom`. */
export function unitIntervalMs(perMinute: number, headroom: number): number {
  return 60_000 / (perMinute * (1 - headroom));
}
