/** Most schedules or fires per page. */
export const MAX_SCHEDULES_PAGE = 500;

/** Paging of the schedule list (by name) and of a schedule's history (newest fire first). */
export interface SchedulePageOptions {
  /** Page size, 1 to {@link MAX_SCHEDULES_PAGE}. */
  limit: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}
