import { DEFAULT_MISSED_GRACE_MS, MAX_COUNTED_MISSED_FIRES, dueFires, type DueFiresInput } from './due-fires';

const at = (text: string) => new Date(text);

function schedule(overrides: Partial<DueFiresInput>): DueFiresInput {
  return {
    cron: '*/5 * * * *',
    intervalMs: null,
    timezone: 'UTC',
    missedPolicy: 'skip',
    nextFireAt: null,
    ...overrides,
  };
}

describe('due fires and the missed policy', () => {
  it('has nothing due before the stored next fire time, or without one', () => {
    const future = schedule({ nextFireAt: at('2025-01-01T00:10:00Z') });
    expect(dueFires(future, at('2025-01-01T00:09:59.999Z'))).toEqual({
      dueAt: null,
      run: false,
      missed: 0,
      nextFireAt: at('2025-01-01T00:10:00Z'),
    });
    expect(dueFires(schedule({ nextFireAt: null }), at('2025-01-01T00:00:00Z'))).toEqual({
      dueAt: null,
      run: false,
      missed: 0,
      nextFireAt: null,
    });
  });

  it('fires an on-time fire and moves to the next fire time after now', () => {
    const plan = dueFires(
      schedule({ nextFireAt: at('2025-01-01T00:10:00Z') }),
      at('2025-01-01T00:10:00.400Z'),
    );
    expect(plan).toEqual({
      dueAt: at('2025-01-01T00:10:00Z'),
      run: true,
      missed: 0,
      nextFireAt: at('2025-01-01T00:15:00Z'),
    });
  });

  describe('skip', () => {
    it('after downtime, fires only the latest due time when it is within the grace', () => {
      const plan = dueFires(schedule({ nextFireAt: at('2025-01-01T00:10:00Z') }), at('2025-01-01T02:00:30Z'));
      expect(plan).toEqual({
        dueAt: at('2025-01-01T02:00:00Z'),
        run: true,
        missed: 22,
        nextFireAt: at('2025-01-01T02:05:00Z'),
      });
    });

    it('after downtime, fires nothing when the latest due time is beyond the grace', () => {
      const plan = dueFires(schedule({ nextFireAt: at('2025-01-01T00:10:00Z') }), at('2025-01-01T02:03:00Z'));
      expect(plan).toEqual({
        dueAt: at('2025-01-01T02:00:00Z'),
        run: false,
        missed: 23,
        nextFireAt: at('2025-01-01T02:05:00Z'),
      });
    });

    it('uses the default grace of a minute, or the one given', () => {
      const late = schedule({ nextFireAt: at('2025-01-01T00:10:00Z') });
      expect(DEFAULT_MISSED_GRACE_MS).toBe(60_000);
      expect(dueFires(late, at('2025-01-01T00:11:00Z')).run).toBe(true);
      expect(dueFires(late, at('2025-01-01T00:11:00.001Z')).run).toBe(false);
      expect(dueFires(late, at('2025-01-01T00:10:05Z'), { graceMs: 1000 }).run).toBe(false);
    });
  });

  describe('run_once', () => {
    it('fires once for all missed times, however late', () => {
      const plan = dueFires(
        schedule({ missedPolicy: 'run_once', nextFireAt: at('2025-01-01T00:10:00Z') }),
        at('2025-01-01T02:03:00Z'),
      );
      expect(plan).toEqual({
        dueAt: at('2025-01-01T02:00:00Z'),
        run: true,
        missed: 22,
        nextFireAt: at('2025-01-01T02:05:00Z'),
      });
    });
  });

  it('finds the latest due time of a rare schedule after a long downtime', () => {
    const daily = schedule({
      cron: '30 2 * * *',
      timezone: 'Europe/Berlin',
      nextFireAt: at('2025-01-01T01:30:00Z'),
      missedPolicy: 'run_once',
    });
    const plan = dueFires(daily, at('2025-03-01T12:00:00Z'));
    expect(plan.dueAt).toEqual(at('2025-03-01T01:30:00Z'));
    expect(plan.missed).toBe(59);
    expect(plan.nextFireAt).toEqual(at('2025-03-02T01:30:00Z'));
  });

  it('treats a stored time that is not a fire time of the expression as due itself', () => {
    const plan = dueFires(
      schedule({ cron: '0 0 1 1 *', nextFireAt: at('2025-06-01T00:00:00Z') }),
      at('2025-06-01T00:00:10Z'),
    );
    expect(plan).toMatchObject({ dueAt: at('2025-06-01T00:00:00Z'), run: true, missed: 0 });
  });

  it('counts missed times of a per-second schedule down for a week without walking them all', () => {
    const perSecond = schedule({ cron: '* * * * * *', nextFireAt: at('2025-01-01T00:00:00Z') });
    const plan = dueFires(perSecond, at('2025-01-08T00:00:00.500Z'));
    expect(plan).toEqual({
      dueAt: at('2025-01-08T00:00:00Z'),
      run: true,
      missed: MAX_COUNTED_MISSED_FIRES,
      nextFireAt: at('2025-01-08T00:00:01Z'),
    });
  });

  it('handles intervals the same way, arithmetically', () => {
    const every = schedule({ cron: null, intervalMs: 1000, nextFireAt: at('2025-01-01T00:00:00Z') });
    expect(dueFires(every, at('2025-01-01T00:00:03.500Z'))).toEqual({
      dueAt: at('2025-01-01T00:00:03Z'),
      run: true,
      missed: 3,
      nextFireAt: at('2025-01-01T00:00:04Z'),
    });
    expect(dueFires(every, at('2025-01-08T00:00:00Z')).missed).toBe(MAX_COUNTED_MISSED_FIRES);
    expect(dueFires({ ...every, missedPolicy: 'skip' }, at('2025-01-01T00:10:00.000Z'))).toMatchObject({
      run: true,
      missed: 600,
    });
    expect(dueFires(every, at('2025-01-08T00:00:00Z'), { graceMs: -1 })).toMatchObject({
      run: false,
      missed: MAX_COUNTED_MISSED_FIRES,
    });
  });
});
