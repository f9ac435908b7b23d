import { GtrError } from '@gtr/domain';
import { nextFireAfter } from './next-fire-after';
import { previewFires } from './preview-fires';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const utc = (cron: string) => ({ cron, intervalMs: null, timezone: 'UTC' });

describe('cron schedules', () => {
  it('fire at 5-field times, strictly after the given instant', () => {
    const from = new Date('2025-01-01T00:10:00Z');
    expect(iso(previewFires(utc('*/5 * * * *'), from, 3))).toEqual([
      '2025-01-01T00:15:00.000Z',
      '2025-01-01T00:20:00.000Z',
      '2025-01-01T00:25:00.000Z',
    ]);
    expect(nextFireAfter(utc('*/5 * * * *'), new Date('2025-01-01T00:09:59.999Z'))?.toISOString()).toBe(
      '2025-01-01T00:10:00.000Z',
    );
  });

  it('fire at 6-field times with seconds', () => {
    expect(iso(previewFires(utc('*/20 * * * * *'), new Date('2025-01-01T00:00:00Z'), 4))).toEqual([
      '2025-01-01T00:00:20.000Z',
      '2025-01-01T00:00:40.000Z',
      '2025-01-01T00:01:00.000Z',
      '2025-01-01T00:01:20.000Z',
    ]);
  });

  it('read names, lists, last-day and nth-weekday forms', () => {
    const from = new Date('2025-01-01T00:00:00Z');
    expect(iso(previewFires(utc('0 9 * * MON-FRI'), from, 3))).toEqual([
      '2025-01-01T09:00:00.000Z',
      '2025-01-02T09:00:00.000Z',
      '2025-01-03T09:00:00.000Z',
    ]);
    expect(iso(previewFires(utc('0 0 L * *'), from, 2))).toEqual([
      '2025-01-31T00:00:00.000Z',
      '2025-02-28T00:00:00.000Z',
    ]);
    expect(iso(previewFires(utc('0 12 * * 1#2'), from, 1))).toEqual(['2025-01-13T12:00:00.000Z']);
    expect(iso(previewFires(utc('@daily'), from, 1))).toEqual(['2025-01-02T00:00:00.000Z']);
  });

  it('read the expression in the schedule time zone', () => {
    const berlin = { cron: '0 9 * * *', intervalMs: null, timezone: 'Europe/Berlin' };
    expect(iso(previewFires(berlin, new Date('2025-01-01T00:00:00Z'), 1))).toEqual([
      '2025-01-01T08:00:00.000Z',
    ]);
    expect(iso(previewFires(berlin, new Date('2025-07-01T00:00:00Z'), 1))).toEqual([
      '2025-07-01T07:00:00.000Z',
    ]);
  });

  it('preview fewer times for a date that rarely comes, and none for count 0', () => {
    const leap = utc('0 0 29 2 *');
    expect(iso(previewFires(leap, new Date('2025-01-01T00:00:00Z'), 2))).toEqual([
      '2028-02-29T00:00:00.000Z',
      '2032-02-29T00:00:00.000Z',
    ]);
    expect(previewFires(leap, new Date('2025-01-01T00:00:00Z'), 0)).toEqual([]);
  });

  it('refuse an invalid expression naming the cron field with an example', () => {
    let error: unknown;
    try {
      nextFireAfter(utc('61 * * * *'), new Date());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({
      code: 'E_VALIDATION',
      issues: [
        {
          field: 'cron',
          message: 'invalid expression "61 * * * *" (minute 61 out of range 0-59); example: "*/5 * * * *"',
        },
      ],
    });
  });

  it('refuse an expression that never fires (February 31st)', () => {
    expect(() => nextFireAfter(utc('0 0 31 2 1'), new Date())).toThrow(GtrError);
    try {
      nextFireAfter(utc('0 0 31 2 1'), new Date());
    } catch (error) {
      expect((error as GtrError).issues[0].field).toBe('cron');
      expect((error as GtrError).issues[0].message).toBe(
        'invalid expression "0 0 31 2 1" (day-of-month 31 never occurs in month 2); example: "*/5 * * * *"',
      );
    }
  });
});
