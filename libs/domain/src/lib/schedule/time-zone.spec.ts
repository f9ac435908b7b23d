import { formatInTimeZone, isTimeZone, timeZoneProblem } from './time-zone';

describe('time zones', () => {
  it.each(['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Etc/GMT+5'])('knows %s', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
    expect(timeZoneProblem(zone)).toBeNull();
  });

  it.each(['Mars/Base', '', ' ', '+01:00', 'Europe/Berlin '])('refuses %j with an example', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
    expect(timeZoneProblem(zone)).toBe(
      `unknown IANA time zone "${zone}"; example: "Europe/Berlin" (or "UTC")`,
    );
  });

  it.each([
    ['2025-03-09T07:30:00Z', 'America/New_York', '2025-03-09T03:30:00-04:00'],
    ['2025-03-09T06:30:00Z', 'America/New_York', '2025-03-09T01:30:00-05:00'],
    ['2025-11-02T05:30:00Z', 'America/New_York', '2025-11-02T01:30:00-04:00'],
    ['2025-11-02T06:30:00Z', 'America/New_York', '2025-11-02T01:30:00-05:00'],
    ['2025-10-26T00:30:00Z', 'Europe/Berlin', '2025-10-26T02:30:00+02:00'],
    ['2025-10-26T01:30:00Z', 'Europe/Berlin', '2025-10-26T02:30:00+01:00'],
    ['2025-01-01T00:00:00Z', 'UTC', '2025-01-01T00:00:00+00:00'],
    ['2025-01-01T00:00:00Z', 'Asia/Kolkata', '2025-01-01T05:30:00+05:30'],
    ['2025-06-30T23:59:59.999Z', 'UTC', '2025-06-30T23:59:59+00:00'],
  ])('shows %s in %s as %s', (utc, zone, local) => {
    expect(formatInTimeZone(new Date(utc), zone)).toBe(local);
  });
});
