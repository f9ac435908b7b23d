import { type BatchView } from '@gtr/domain';
import { formatCost, formatDuration, shortId } from './format-values';

/** One line of batch progress: `b1a2c3d4 running 120/500 done · 3 failed · 4.2/s · ETA 1m 30s · $0.0123`. */
export function formatBatchProgress(batch: BatchView): string {
  const parts = [
    `${shortId(batch.id)} ${batch.status} ${batch.done}/${batch.total} done`,
    `${batch.counts.failed} failed`,
    batch.throughputPerSecond === null ? null : `${batch.throughputPerSecond}/s`,
    batch.etaSeconds === null ? null : `ETA ${formatDuration(batch.etaSeconds * 1000)}`,
    formatCost(batch.costUsd),
  ];
  return parts.filter((part): part is string => part !== null).join(' · ');
}
