const PLACEHOLDER = '—';

/** A token count: exact with separators below 100k (`12,345`), compact above (`123.4k`, `1.23M`). */
export function formatTokens(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count) || count < 0) return PLACEHOLDER;
  const n = Math.round(count);
  if (n < 100_000) return n.toLocaleString('en-US');
  if (n < 999_950) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}
