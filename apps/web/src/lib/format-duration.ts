const PLACEHOLDER = '—';

/**
 * A duration for a dense table: `850 ms`, `1.25 s`, `12.3 s`, `2m 05s`, `1h 02m`.
 * Unknown or negative durations render as a dash.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return PLACEHOLDER;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  // Thresholds sit where rounding would otherwise print "10.00 s" or "60.0 s".
  if (ms < 9_995) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}h ${pad(minutes % 60)}m`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
