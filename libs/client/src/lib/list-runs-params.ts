import { type RunStatus } from '@gtr/domain';

/** Filters and paging of `GET /v1/runs`. */
export interface ListRunsParams {
  /** One status or several (any of them matches). */
  status?: RunStatus | readonly RunStatus[];
  batchId?: string;
  /** Page size, 1-500 (API default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}
