/** Example shown with every time zone error. */
export const TIME_ZONE_EXAMPLE = 'Europe/Berlin';

/** Whether `timeZone` is an IANA time zone name this runtime knows (`UTC`, `America/New_York`). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Why `timeZone` is not usable, as a sentence fragment with an example, or null when it is. */
export function timeZoneProblem(timeZone: string): string | null {
  return isTimeZone(timeZone)
    ? null
    : `unknown IANA time zone "${timeZone}"; example: "${TIME_ZONE_EXAMPLE}" (or "UTC")`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `date` as ISO 8601 local time in `timeZone` with its offset, to the second:
 * `2025-03-09T03:30:00-04:00`. The offset is the one in force at that instant, so the same wall
 * time on either side of a DST change shows which one it is.
 */
export function formatInTimeZone(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  const offset = parts['timeZoneName'].replace(/^GMT/, '') || '+00:00';
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${offset}`;
}
