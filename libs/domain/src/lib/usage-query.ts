import { z } from 'zod';

/** What `GET /v1/usage` can group by. `day` buckets are UTC calendar days. */
export const USAGE_GROUP_BY = ['day', 'model', 'task', 'provider', 'status'] as const;
export type UsageGroupBy = (typeof USAGE_GROUP_BY)[number];

/** Window used when the query gives neither `from` nor `to`. */
export const DEFAULT_USAGE_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const INSTANT_FORMS = 'must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T12:00:00Z)';
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: INSTANT_FORMS });

/**
 * `GET /v1/usage` query: `from` and `to` as ISO 8601 date-times (with `Z` or an offset) or plain
 * dates, `groupBy` one of {@link USAGE_GROUP_BY} (default `day`). See {@link resolveUsageRange}.
 */
export const usageQuerySchema = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    groupBy: z.enum(USAGE_GROUP_BY).default('day'),
  })
  .strict();
export type UsageQuery = z.infer<typeof usageQuerySchema>;

/** The half-open window [from, to) a usage report covers. */
export interface UsageRange {
  from: Date;
  to: Date;
}

/**
 * The window of a parsed usage query. A plain date in `from` is 00:00 UTC of that day; in `to`
 * it is the end of that day (00:00 UTC of the next), so `from=2026-01-01&to=2026-01-31` covers all
 * of January. A missing `to` is `now`; a missing `from` is {@link DEFAULT_USAGE_WINDOW_DAYS} days
 * before `to`. Check the result with {@link usageRangeIssue}.
 */
export function resolveUsageRange(query: Pick<UsageQuery, 'from' | 'to'>, now: Date): UsageRange {
  const to = query.to === undefined ? now : endOf(query.to);
  const from =
    query.from === undefined
      ? new Date(to.getTime() - DEFAULT_USAGE_WINDOW_DAYS * DAY_MS)
      : new Date(query.from);
  return { from, to };
}

/** Why a window is unusable, as a field issue on `from`; null when it is fine. */
export function usageRangeIssue(range: UsageRange): { field: 'from'; message: string } | null {
  return range.from.getTime() < range.to.getTime()
    ? null
    : { field: 'from', message: `must be before to (${range.to.toISOString()})` };
}

function endOf(value: string): Date {
  const date = new Date(value);
  return DATE_ONLY.test(value) ? new Date(date.getTime() + DAY_MS) : date;
}
