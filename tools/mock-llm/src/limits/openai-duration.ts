/**
 * Formats a duration the way OpenAI's `x-ratelimit-reset-*` headers do (Go's
 * `time.Duration` notation): `0s`, `20ms`, `1s`, `8.64s`, `6m0s`, `1h2m3s`. Rounded up to
 * the millisecond so a client never waits too little.
 */
export function formatOpenAiDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = (total % 60_000) / 1000;
  const h = hours > 0 ? `${hours}h` : '';
  const m = hours > 0 || minutes > 0 ? `${minutes}m` : '';
  return `${h}${m}${Number(seconds.toFixed(3))}s`;
}
