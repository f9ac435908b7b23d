const PLACEHOLDER = '—';

/** Runs finished per second, per minute when under one a second: `12.5/s`, `3.0/min`. */
export function formatThroughput(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond) || perSecond <= 0) {
    return PLACEHOLDER;
  }
  if (perSecond >= 1) return `${perSecond >= 100 ? Math.round(perSecond) : perSecond.toFixed(1)}/s`;
  return `${(perSecond * 60).toFixed(1)}/min`;
}
