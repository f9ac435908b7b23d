/** A fixed-width bar of `done` out of `total`, e.g. `[██████░░░░░░] 50%`; an empty total is 0%. */
export function progressBar(done: number, total: number, width = 20): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.floor(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(share * 100)}%`;
}
