import { z } from 'zod';
import { taskTagSchema } from './task-tags';

const limit = z.coerce.number().int().min(1).max(500).default(50);
const cursor = z.string().min(1).optional();

/** `GET /v1/tasks` query. `tag` may be a comma-separated list: tasks with all of them match. */
export const listTasksQuerySchema = z
  .object({
    tag: z
      .string()
      .transform((s) => [
        ...new Set(
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(taskTagSchema).min(1, 'must name at least one tag'))
      .optional(),
    limit,
    cursor,
  })
  .strict();
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

/** `GET /v1/tasks/:name` query: the latest version, or `version`. */
export const getTaskQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();
export type GetTaskQuery = z.infer<typeof getTaskQuerySchema>;

/** `GET /v1/tasks/:name/versions` query: newest first. */
export const listTaskVersionsQuerySchema = z.object({ limit, cursor }).strict();
export type ListTaskVersionsQuery = z.infer<typeof listTaskVersionsQuerySchema>;
