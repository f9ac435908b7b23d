import { type BatchViewStatus } from '@gtr/domain';
import { batchStatusTone } from '../lib/batch-status-tone';

export function BatchStatusBadge({ status }: { status: BatchViewStatus }) {
  return (
    <span className={`badge badge--${batchStatusTone(status)}`} data-status={status}>
      {status}
    </span>
  );
}
