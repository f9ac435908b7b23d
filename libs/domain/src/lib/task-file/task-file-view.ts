import { z } from 'zod';

/** A task file stored once (`POST /v1/task-files`), checked whole, that batch schedules run at each fire. */
export interface TaskFileView {
  id: string;
  /** The uploaded file's name. */
  name: string;
  format: 'csv' | 'jsonl';
  /** The task the rows were checked against (its template variables); null for ad-hoc rows. */
  task: string | null;
  /** Valid rows stored. */
  rows: number;
  /** Size of the upload in bytes. */
  bytes: number;
  createdAt: string;
}

/** `POST /v1/task-files` multipart form fields besides `file`. */
export const taskFileFormFieldsSchema = z
  .object({
    /** Check the rows against this task's variables; absent: ad-hoc rows (prompt or messages per row). */
    task: z.string().min(1).max(100).optional(),
  })
  .strict();
