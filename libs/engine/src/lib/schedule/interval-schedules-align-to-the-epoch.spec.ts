import { nextFireAfter } from './next-fire-after';
import { previewFires } from './preview-fires';

const every = (intervalMs: number) => ({ cron: null, intervalMs, timezone: 'America/New_York' });

describe('interval schedules', () => {
  it('fire at whole multiples of the interval since the epoch, whatever the time zone', () => {
    expect(
      previewFires(every(300_000), new Date('2025-01-01T00:03:10Z'), 3).map((d) => d.toISOString()),
    ).toEqual(['2025-01-01T00:05:00.000Z', '2025-01-01T00:10:00.000Z', '2025-01-01T00:15:00.000Z']);
  });

  it('fire strictly after an instant that is itself a fire time', () => {
    expect(nextFireAfter(every(1000), new Date('2025-01-01T00:00:05Z'))?.toISOString()).toBe(
      '2025-01-01T00:00:06.000Z',
    );
  });

  it('keep a fixed length across a DST change (they count real time)', () => {
    const fires = previewFires(every(3_600_000), new Date('2025-11-02T04:30:00Z'), 3);
    expect(fires.map((d) => d.toISOString())).toEqual([
      '2025-11-02T05:00:00.000Z',
      '2025-11-02T06:00:00.000Z',
      '2025-11-02T07:00:00.000Z',
    ]);
  });

  it('refuse a timing with neither a cron expression nor a positive interval', () => {
    expect(() => nextFireAfter({ cron: null, intervalMs: null, timezone: 'UTC' }, new Date())).toThrow(
      /positive whole interval/,
    );
    expect(() => nextFireAfter({ cron: null, intervalMs: 0, timezone: 'UTC' }, new Date())).toThrow(
      /positive whole interval/,
    );
  });
});
