import { type RunEvent } from '@gtr/domain';
import { isRunEvent, runEventsChannel } from './run-events';

const event: RunEvent = {
  type: 'run.updated',
  tenantId: 'tenant-1',
  runId: 'run-1',
  status: 'running',
  batchId: 'batch-1',
  at: '2025-01-01T00:00:00.000Z',
};

describe('run events', () => {
  it('names one channel per tenant', () => {
    expect(runEventsChannel('tenant-1')).toBe('runs:tenant-1');
  });

  it.each([
    ['a run event', event, true],
    ['a run event outside a batch', { ...event, batchId: null }, true],
    ['null', null, false],
    ['a string', 'run.updated', false],
    ['another type', { ...event, type: 'run.created' }, false],
    ['an unknown status', { ...event, status: 'exploded' }, false],
    ['a missing run id', { ...event, runId: undefined }, false],
    ['a numeric tenant', { ...event, tenantId: 7 }, false],
    ['a numeric batch id', { ...event, batchId: 7 }, false],
    ['a missing time', { ...event, at: undefined }, false],
  ])('recognises %s: %p', (_case, value, expected) => {
    expect(isRunEvent(value)).toBe(expected);
  });
});
