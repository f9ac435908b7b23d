import { type UsageGroupBy } from '@gtr/domain';

/** Window and grouping of `GET /v1/usage`; absent fields take the API's defaults. */
export interface UsageParams {
  /**
   * Start, inclusive: an ISO 8601 date (`2026-01-01`, 00:00 UTC) or date-time, or a `Date`.
   * Default: 30 days before `to`.
   */
  from?: string | Date;
  /** End, exclusive: a date-time or `Date`; a plain date includes that whole day (UTC). Default: now. */
  to?: string | Date;
  /** Default `day` (UTC days). */
  groupBy?: UsageGroupBy;
}
