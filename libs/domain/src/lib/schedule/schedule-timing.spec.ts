import { normalizeCron, sameTiming, timingOf, timingOfView, updatedTiming } from './schedule-timing';

describe('schedule timing', () => {
  it('reads a cron request, spaces normalised', () => {
    expect(timingOf({ cron: ' 0  9 * * * ', timezone: 'Europe/Berlin' })).toEqual({
      cron: '0 9 * * *',
      intervalMs: null,
      timezone: 'Europe/Berlin',
    });
    expect(normalizeCron('*/5\t*  * * *')).toBe('*/5 * * * *');
  });

  it('reads an interval request', () => {
    expect(timingOf({ every: '5m', timezone: 'UTC' })).toEqual({
      cron: null,
      intervalMs: 300_000,
      timezone: 'UTC',
    });
  });

  it('lets cron and every replace each other on update, keeping what is not given', () => {
    const cron = { cron: '0 9 * * *', intervalMs: null, timezone: 'UTC' };
    expect(updatedTiming(cron, { every: '1h' })).toEqual({
      cron: null,
      intervalMs: 3_600_000,
      timezone: 'UTC',
    });
    const every = updatedTiming(cron, { every: '1h' });
    expect(updatedTiming(every, { cron: '*/5 * * * *', timezone: 'Asia/Tokyo' })).toEqual({
      cron: '*/5 * * * *',
      intervalMs: null,
      timezone: 'Asia/Tokyo',
    });
    expect(updatedTiming(cron, { timezone: 'America/New_York' })).toEqual({
      ...cron,
      timezone: 'America/New_York',
    });
    expect(updatedTiming(cron, { enabled: false })).toEqual(cron);
  });

  it('compares timings', () => {
    const a = { cron: '0 9 * * *', intervalMs: null, timezone: 'UTC' };
    expect(sameTiming(a, { ...a })).toBe(true);
    expect(sameTiming(a, { ...a, timezone: 'Europe/Berlin' })).toBe(false);
    expect(sameTiming(a, { cron: null, intervalMs: 60_000, timezone: 'UTC' })).toBe(false);
  });

  it('reads the timing back from a view', () => {
    expect(timingOfView({ cron: null, every: '1h30m', timezone: 'UTC' })).toEqual({
      cron: null,
      intervalMs: 5_400_000,
      timezone: 'UTC',
    });
    expect(timingOfView({ cron: '0 9 * * *', every: null, timezone: 'Asia/Tokyo' })).toEqual({
      cron: '0 9 * * *',
      intervalMs: null,
      timezone: 'Asia/Tokyo',
    });
  });
});
