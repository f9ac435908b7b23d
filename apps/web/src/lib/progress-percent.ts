/**
 * Share of `done` in `total` as a whole percent for a progress bar, floored so an unfinished
 * batch never reads 100%; 0 for an empty total.
 */
export function progressPercent(done: number, total: number): number {
  if (!(total > 0) || !(done > 0)) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}
