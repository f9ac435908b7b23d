const PLACEHOLDER = '—';

/**
 * An ISO timestamp as `YYYY-MM-DD HH:MM:SS` in UTC (the column header says UTC).
 * With `withMillis`, `HH:MM:SS.mmm` for attempt timings.
 */
export function formatUtc(iso: string | null | undefined, withMillis = false): string {
  if (!iso) return PLACEHOLDER;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString().replace('T', ' ');
  return withMillis ? text.slice(0, 23) : text.slice(0, 19);
}
