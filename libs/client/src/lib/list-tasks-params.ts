/** Filters and paging of `GET /v1/tasks`. */
export interface ListTasksParams {
  /** One tag or several: only tasks that have all of them. */
  tag?: string | readonly string[];
  /** Page size, 1-500 (API default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Paging of `GET /v1/tasks/:name/versions`. */
export interface ListTaskVersionsParams {
  /** Page size, 1-500 (API default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}
