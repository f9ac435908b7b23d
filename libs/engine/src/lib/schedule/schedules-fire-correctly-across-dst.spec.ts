import { formatInTimeZone } from '@gtr/domain';
import { dueFires } from './due-fires';
import { previewFires } from './preview-fires';

function localFires(cron: string, timezone: string, from: string, count: number): string[] {
  return previewFires({ cron, intervalMs: null, timezone }, new Date(from), count).map((date) =>
    formatInTimeZone(date, timezone),
  );
}

describe('schedules across DST changes', () => {
  describe('America/New_York (spring forward 2025-03-09 02:00 → 03:00, fall back 2025-11-02 02:00 → 01:00)', () => {
    it('runs a 02:30 daily job once on the spring-forward day, at 03:30 (02:30 does not exist)', () => {
      expect(localFires('30 2 * * *', 'America/New_York', '2025-03-08T00:00:00Z', 3)).toEqual([
        '2025-03-08T02:30:00-05:00',
        '2025-03-09T03:30:00-04:00',
        '2025-03-10T02:30:00-04:00',
      ]);
    });

    it('runs a 01:30 daily job once on the fall-back day, at the first 01:30', () => {
      expect(localFires('30 1 * * *', 'America/New_York', '2025-11-01T00:00:00Z', 3)).toEqual([
        '2025-11-01T01:30:00-04:00',
        '2025-11-02T01:30:00-04:00',
        '2025-11-03T01:30:00-05:00',
      ]);
    });

    it('runs an hourly job at every real hour: none in the gap, both 01:00s on fall-back', () => {
      expect(localFires('0 * * * *', 'America/New_York', '2025-03-09T05:30:00Z', 3)).toEqual([
        '2025-03-09T01:00:00-05:00',
        '2025-03-09T03:00:00-04:00',
        '2025-03-09T04:00:00-04:00',
      ]);
      expect(localFires('0 * * * *', 'America/New_York', '2025-11-02T04:30:00Z', 3)).toEqual([
        '2025-11-02T01:00:00-04:00',
        '2025-11-02T01:00:00-05:00',
        '2025-11-02T02:00:00-05:00',
      ]);
    });
  });

  describe('Europe/Berlin (spring forward 2025-03-30 02:00 → 03:00, fall back 2025-10-26 03:00 → 02:00)', () => {
    it('runs a 02:30 daily job once on the spring-forward day, at 03:30', () => {
      expect(localFires('30 2 * * *', 'Europe/Berlin', '2025-03-29T00:00:00Z', 3)).toEqual([
        '2025-03-29T02:30:00+01:00',
        '2025-03-30T03:30:00+02:00',
        '2025-03-31T02:30:00+02:00',
      ]);
    });

    it('runs a 02:30 daily job once on the fall-back day (02:30 happens twice)', () => {
      expect(localFires('30 2 * * *', 'Europe/Berlin', '2025-10-25T00:00:00Z', 3)).toEqual([
        '2025-10-25T02:30:00+02:00',
        '2025-10-26T02:30:00+02:00',
        '2025-10-27T02:30:00+01:00',
      ]);
    });

    it('runs a 01:30 daily job once a day around the fall-back day', () => {
      expect(localFires('30 1 * * *', 'Europe/Berlin', '2025-10-24T22:00:00Z', 3)).toEqual([
        '2025-10-25T01:30:00+02:00',
        '2025-10-26T01:30:00+02:00',
        '2025-10-27T01:30:00+01:00',
      ]);
    });
  });

  it('fires a fall-back 01:30 job once when the scheduler ticks through both 01:30s', () => {
    const timing = {
      cron: '30 1 * * *',
      intervalMs: null,
      timezone: 'America/New_York',
      missedPolicy: 'skip' as const,
    };
    let nextFireAt: Date | null = new Date('2025-11-02T05:30:00Z'); // 01:30 EDT
    const handled: string[] = [];
    for (let t = Date.parse('2025-11-02T05:00:00Z'); t <= Date.parse('2025-11-02T07:00:00Z'); t += 60_000) {
      const plan = dueFires({ ...timing, nextFireAt }, new Date(t));
      if (plan.dueAt) handled.push(plan.dueAt.toISOString());
      nextFireAt = plan.nextFireAt;
    }
    expect(handled).toEqual(['2025-11-02T05:30:00.000Z']);
    expect(nextFireAt?.toISOString()).toBe('2025-11-03T06:30:00.000Z');
  });

  it('fires a spring-forward 02:30 job once when the scheduler ticks through the gap', () => {
    const timing = {
      cron: '30 2 * * *',
      intervalMs: null,
      timezone: 'Europe/Berlin',
      missedPolicy: 'skip' as const,
    };
    let nextFireAt: Date | null = new Date('2025-03-30T01:30:00Z'); // 03:30 CEST
    const handled: string[] = [];
    for (let t = Date.parse('2025-03-30T00:00:00Z'); t <= Date.parse('2025-03-30T03:00:00Z'); t += 60_000) {
      const plan = dueFires({ ...timing, nextFireAt }, new Date(t));
      if (plan.dueAt) handled.push(plan.dueAt.toISOString());
      nextFireAt = plan.nextFireAt;
    }
    expect(handled).toEqual(['2025-03-30T01:30:00.000Z']);
  });
});
