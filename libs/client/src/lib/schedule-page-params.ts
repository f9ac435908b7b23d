/** Paging of `GET /v1/schedules` and `GET /v1/schedules/:name/history`. */
export interface SchedulePageParams {
  /** Page size, 1-500 (API default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}
