import { z } from 'zod';

const limit = z.coerce.number().int().min(1).max(500).default(50);
const cursor = z.string().min(1).optional();

/** Most coming fire times `GET /v1/schedules/:name/next` shows. */
export const MAX_PREVIEW_FIRES = 100;

/** `GET /v1/schedules` query: by name. */
export const listSchedulesQuerySchema = z.object({ limit, cursor }).strict();
export type ListSchedulesQuery = z.infer<typeof listSchedulesQuerySchema>;

/** `GET /v1/schedules/:name/history` query: newest fire time first. */
export const scheduleHistoryQuerySchema = z.object({ limit, cursor }).strict();
export type ScheduleHistoryQuery = z.infer<typeof scheduleHistoryQuerySchema>;

/** `GET /v1/schedules/:name/next` query. */
export const nextFiresQuerySchema = z
  .object({ count: z.coerce.number().int().min(1).max(MAX_PREVIEW_FIRES).default(5) })
  .strict();
export type NextFiresQuery = z.infer<typeof nextFiresQuerySchema>;
