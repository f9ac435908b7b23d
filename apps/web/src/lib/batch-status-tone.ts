import { type BatchViewStatus } from '@gtr/domain';
import { assertUnreachable } from './assert-unreachable';
import { type StatusTone } from './status-tone';

/** The badge tone of a batch status, in the colour families of run statuses. */
export function batchStatusTone(status: BatchViewStatus): StatusTone {
  switch (status) {
    case 'queued':
      return 'neutral';
    case 'running':
      return 'info';
    case 'paused':
    case 'partial':
      return 'warning';
    case 'succeeded':
      return 'success';
    case 'failed':
      return 'danger';
    case 'cancelled':
      return 'muted';
    default:
      return assertUnreachable('batch status', status);
  }
}
