import { z } from 'zod';
import { RUN_STATUSES } from '@gtr/domain';

const statusList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(RUN_STATUSES)));

/** A batch id in a path. */
export const batchIdSchema = z.uuid({ message: 'must be a batch id (UUID)' });

/** `GET /v1/batches` query. */
export const listBatchesQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().min(1).optional(),
  })
  .strict();

/** `GET /v1/batches/:id/runs` query. */
export const batchRunsQuerySchema = z
  .object({
    status: statusList.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().min(1).optional(),
  })
  .strict();

/** `GET /v1/batches/:id/results` query. */
export const batchResultsQuerySchema = z
  .object({
    format: z.enum(['jsonl', 'csv']).default('jsonl'),
    status: statusList.optional(),
  })
  .strict();
