/** Filters and page of `TasksRepository.list`. */
export interface ListTasksOptions {
  /** Only tasks that have every one of these tags. */
  tags?: readonly string[];
  /** Page size, 1 to 500. */
  limit: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Page of `TasksRepository.listVersions`. */
export interface ListTaskVersionsOptions {
  /** Page size, 1 to 500. */
  limit: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Largest page the task lists return. */
export const MAX_TASKS_PAGE = 500;
