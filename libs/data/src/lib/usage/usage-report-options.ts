import { type UsageGroupBy } from '@gtr/domain';

/** What `UsageRepository.report` covers: runs created in [from, to), grouped by `groupBy`. */
export interface UsageReportOptions {
  from: Date;
  /** Exclusive. */
  to: Date;
  groupBy: UsageGroupBy;
}
