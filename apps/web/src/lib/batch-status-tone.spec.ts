import { type BatchViewStatus } from '@gtr/domain';
import { batchStatusTone } from './batch-status-tone';
import { type StatusTone } from './status-tone';

describe('batchStatusTone', () => {
  const expected: Record<BatchViewStatus, StatusTone> = {
    queued: 'neutral',
    running: 'info',
    paused: 'warning',
    succeeded: 'success',
    partial: 'warning',
    failed: 'danger',
    cancelled: 'muted',
  };
  it.each(Object.entries(expected))('%s → %s', (status, tone) => {
    expect(batchStatusTone(status as BatchViewStatus)).toBe(tone);
  });
  it('throws on a status the domain does not know', () => {
    expect(() => batchStatusTone('archived' as BatchViewStatus)).toThrow('Unhandled batch status: archived');
  });
});
