import { type ChatMessage, type RunParams } from '@gtr/domain';

/** Statuses a run may be created in. */
export type InitialRunStatus = 'queued' | 'scheduled' | 'waiting';

/** One run to insert: the rendered request plus where it came from. */
export interface CreateRunInput {
  provider: string;
  model: string;
  messages: ChatMessage[];
  params?: RunParams;
  /** JSON Schema the output must match. */
  outputSchema?: Record<string, unknown> | null;
  /** Variables a task template was rendered with. */
  input?: Record<string, unknown> | null;
  taskId?: string | null;
  taskVersion?: number | null;
  batchId?: string | null;
  batchRow?: number | null;
  /** The row's id in the batch's task file. */
  batchRowId?: string | null;
  scheduleId?: string | null;
  metadata?: Record<string, unknown>;
  /** Same key within a tenant returns the first run instead of inserting another. */
  idempotencyKey?: string | null;
  /** Default 3. */
  maxAttempts?: number;
  timeoutMs: number;
  /** Default `queued`. */
  status?: InitialRunStatus;
  /** Opt-in to the response cache: how long an answer may be reused, in seconds. Default null: no cache. */
  cacheTtlSeconds?: number | null;
}
