import { formatZonedTime } from './format-zoned-time';

describe('formatZonedTime', () => {
  it.each([
    ['2025-01-02T08:00:00.000Z', undefined, '2025-01-02 08:00:00 UTC'],
    ['2025-01-02T08:00:00.000Z', 'Europe/Berlin', '2025-01-02 09:00:00 +01:00 Europe/Berlin'],
    ['2025-11-02T06:30:00.000Z', 'America/New_York', '2025-11-02 01:30:00 -05:00 America/New_York'],
    [null, undefined, '-'],
    ['soon', undefined, 'soon'],
  ])('shows %s in %s as %s', (iso, zone, text) => {
    expect(formatZonedTime(iso, zone)).toBe(text);
  });
});
