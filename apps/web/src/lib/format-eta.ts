import { type BatchView } from '@gtr/domain';
import { formatDuration } from './format-duration';

/**
 * A batch's ETA (the API counts it in seconds) in the duration style of the tables; `paused`
 * while paused, since the API's estimate assumes the batch keeps going.
 */
export function formatEta(batch: Pick<BatchView, 'status' | 'etaSeconds'>): string {
  if (batch.status === 'paused') return 'paused';
  return formatDuration(batch.etaSeconds === null ? null : batch.etaSeconds * 1000);
}
