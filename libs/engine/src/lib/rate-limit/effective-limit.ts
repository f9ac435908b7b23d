/** The smaller of a configured and a learned per-minute limit; null when neither is known. */
export function effectiveLimit(
  configured: number | null | undefined,
  learned: number | null | undefined,
): number | null {
  const known = [configured, learned].filter(
    (value): value is number => typeof value === 'number' && value > 0,
  );
  return known.length ? Math.min(...known) : null;
}
