/** OpenAI's file object, as `POST /v1/files` and `GET /v1/files/:id` return it. */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'processed';
  expires_at: number | null;
  status_details: null;
}

/** A stored file: its object and its content. */
export interface StoredFile {
  object: FileObject;
  content: Buffer;
}

/** The states of a Batch API batch, as OpenAI names them. */
export type BatchStatus =
  | 'validating'
  | 'failed'
  | 'in_progress'
  | 'finalizing'
  | 'completed'
  | 'expired'
  | 'cancelling'
  | 'cancelled';

/** One problem with an input file, in the batch's `errors.data`. */
export interface BatchLineError {
  code: string;
  message: string;
  param: string | null;
  line: number | null;
}

/** OpenAI's batch object. */
export interface BatchObject {
  id: string;
  object: 'batch';
  endpoint: string;
  errors: { object: 'list'; data: BatchLineError[] } | null;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
}

/** One request line of an input file that passed validation. */
export interface BatchRequestLine {
  custom_id: string;
  body: unknown;
}

/** A batch with what the mock needs to finish it. */
export interface StoredBatch {
  object: BatchObject;
  /** `Date.now()` at creation. */
  createdMs: number;
  lines: BatchRequestLine[];
  /** The lines' processing, once started: reads that overlap it wait for the same work. */
  processing: Promise<void> | null;
}
