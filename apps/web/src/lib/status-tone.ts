import { type RunStatus } from '@gtr/domain';
import { assertUnreachable } from './assert-unreachable';

/** The colour family of a status badge; the stylesheet defines one class per tone. */
export type StatusTone = 'neutral' | 'info' | 'warning' | 'success' | 'danger' | 'muted';

export function statusTone(status: RunStatus): StatusTone {
  switch (status) {
    case 'scheduled':
    case 'waiting':
    case 'queued':
      return 'neutral';
    case 'running':
      return 'info';
    case 'retrying':
      return 'warning';
    case 'succeeded':
      return 'success';
    case 'failed':
      return 'danger';
    case 'cancelled':
      return 'muted';
    default:
      return assertUnreachable('run status', status);
  }
}
