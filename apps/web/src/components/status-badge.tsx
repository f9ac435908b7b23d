import { type RunStatus } from '@gtr/domain';
import { statusTone } from '../lib/status-tone';

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`badge badge--${statusTone(status)}`} data-status={status}>
      {status}
    </span>
  );
}
