import { type TokenUsage } from '@gtr/domain';

/** `850ms`, `1.2s`, `2m 03s`, `1h 05m`; `-` when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600)
    return `${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
}

/** An ISO timestamp in UTC to the second: `2025-05-01T12:00:00Z`. Unparseable input as it is. */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return '-';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** US dollars: cents above $1, else up to six decimals (LLM calls cost fractions of a cent). */
export function formatCost(usd: number): string {
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const text = usd.toFixed(6).replace(/\.?0+$/, '');
  return text === '0' && usd > 0 ? '<$0.000001' : `$${text}`;
}

/** `12 prompt + 34 completion tokens`. */
export function formatTokens(usage: TokenUsage): string {
  return `${usage.promptTokens} prompt + ${usage.completionTokens} completion tokens`;
}

/** The 8-character prefix that identifies a run in tables and status lines. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
