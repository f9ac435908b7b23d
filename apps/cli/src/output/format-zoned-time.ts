import { formatInTimeZone } from '@gtr/domain';

/**
 * An ISO instant as wall time with its zone: `2025-01-02 08:00:00 UTC`, or in another zone
 * `2025-01-02 09:00:00 +01:00 Europe/Berlin`; `-` when there is none.
 */
export function formatZonedTime(iso: string | null | undefined, timeZone = 'UTC'): string {
  if (!iso) return '-';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = formatInTimeZone(date, timeZone);
  const wall = `${local.slice(0, 10)} ${local.slice(11, 19)}`;
  return timeZone === 'UTC' ? `${wall} UTC` : `${wall} ${local.slice(19)} ${timeZone}`;
}
