import { z } from 'zod';
import { RUN_STATUSES } from './run-status';

/** `GET /v1/runs` query. `status` may be a comma-separated list. */
export const listRunsQuerySchema = z
  .object({
    status: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(RUN_STATUSES)))
      .optional(),
    batchId: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().min(1).optional(),
  })
  .strict();
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;
