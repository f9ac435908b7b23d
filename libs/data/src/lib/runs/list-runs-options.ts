import { type RunStatus } from '@gtr/domain';

/** Filters and page of `RunsRepository.list`. */
export interface ListRunsOptions {
  /** Only runs in one of these statuses. */
  status?: readonly RunStatus[];
  batchId?: string;
  /** Page size, 1 to 500. */
  limit: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Largest page `list` returns. */
export const MAX_RUNS_PAGE = 500;
