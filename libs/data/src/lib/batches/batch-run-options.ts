import { type RunStatus } from '@gtr/domain';

/** Filters and page of `BatchesRepository.runs`. */
export interface BatchRunsOptions {
  /** Only runs in one of these statuses. */
  status?: readonly RunStatus[];
  /** Page size, 1 to 500; default 100. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}
