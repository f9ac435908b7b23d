import { RUN_STATUSES, type RunStatus } from '@gtr/domain';
import { statusTone, type StatusTone } from './status-tone';

describe('statusTone', () => {
  const expected: Record<RunStatus, StatusTone> = {
    scheduled: 'neutral',
    waiting: 'neutral',
    queued: 'neutral',
    running: 'info',
    retrying: 'warning',
    succeeded: 'success',
    failed: 'danger',
    cancelled: 'muted',
  };

  it.each(RUN_STATUSES.map((s) => [s, expected[s]]))('%s → %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });

  it('throws on a status the domain does not know', () => {
    expect(() => statusTone('paused' as RunStatus)).toThrow('Unhandled run status: paused');
  });
});
