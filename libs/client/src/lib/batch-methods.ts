import {
  type BatchView,
  type CreateBatchRequest,
  type CreateBatchResult,
  type Page,
  type RetryFailedResult,
  type RunStatus,
  type RunView,
} from '@gtr/domain';
import { type HttpTransport } from './http-transport';
import { type RequestOptions } from './request-options';

/** Options of the batch submissions. */
export interface SubmitBatchOptions extends RequestOptions {
  /** Sent as `Idempotency-Key`: submitting again returns the first batch. */
  idempotencyKey?: string;
}

/** The form fields of `uploadBatch`, as `POST /v1/batches` reads them. */
export interface BatchUploadFields {
  /** The file's name: its extension (`.csv`, `.jsonl`) gives the format. */
  fileName: string;
  task?: string;
  version?: number;
  name?: string;
  provider?: string;
  model?: string;
  params?: { temperature?: number; maxTokens?: number };
  skipInvalid?: boolean;
  priority?: number;
  /** Provider calls of the batch in flight at once, across every worker. */
  concurrency?: number;
  mode?: 'queue' | 'provider_batch';
}

/**
 * A task file to upload: a `Blob` (in Node, `fs.openAsBlob(path)` streams it from disk), or
 * chunks of a stream, which are gathered into a Blob first.
 */
export type BatchUploadFile = Blob | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Filters and page of `listBatchRuns`. */
export interface BatchRunsParams {
  status?: readonly RunStatus[];
  limit?: number;
  cursor?: string;
}

/** Options of `batchResults`. */
export interface BatchResultsParams extends RequestOptions {
  /** Default `jsonl`. */
  format?: 'jsonl' | 'csv';
  /** Only the rows whose run is in one of these statuses. */
  status?: readonly RunStatus[];
}

/** The batch methods of `GtrClient` (docs/api.md, Batches). */
export interface BatchMethods {
  /** `POST /v1/batches` with JSON rows. */
  createBatch(body: CreateBatchRequest, options?: SubmitBatchOptions): Promise<CreateBatchResult>;
  /** `POST /v1/batches` with a CSV or JSONL file (multipart field `file`) and the settings as form fields. */
  uploadBatch(
    file: BatchUploadFile,
    fields: BatchUploadFields,
    options?: SubmitBatchOptions,
  ): Promise<CreateBatchResult>;
  /** `GET /v1/batches/:id`: the batch with its progress. */
  getBatch(id: string, options?: RequestOptions): Promise<BatchView>;
  /** `GET /v1/batches`: one page, newest first. */
  listBatches(
    params?: { limit?: number; cursor?: string },
    options?: RequestOptions,
  ): Promise<Page<BatchView>>;
  /** `GET /v1/batches/:id/runs`: one page of its runs, in input order. */
  listBatchRuns(id: string, params?: BatchRunsParams, options?: RequestOptions): Promise<Page<RunView>>;
  /** `POST /v1/batches/:id/cancel`. */
  cancelBatch(id: string, options?: RequestOptions): Promise<BatchView>;
  /** `POST /v1/batches/:id/pause`: no new run of it starts until it is resumed. */
  pauseBatch(id: string, options?: RequestOptions): Promise<BatchView>;
  /** `POST /v1/batches/:id/resume`. */
  resumeBatch(id: string, options?: RequestOptions): Promise<BatchView>;
  /** `POST /v1/batches/:id/retry-failed`. */
  retryFailedBatch(id: string, options?: RequestOptions): Promise<RetryFailedResult>;
  /** `GET /v1/batches/:id/results`: the results file as text chunks, streamed. */
  batchResults(id: string, params?: BatchResultsParams): AsyncIterable<string>;
}

/** The batch methods on a transport. */
export function batchMethods(http: HttpTransport): BatchMethods {
  const path = (id: string, rest = ''): string => `/v1/batches/${encodeURIComponent(id)}${rest}`;
  const keyHeader = (key: string | undefined) => (key ? { 'idempotency-key': key } : undefined);
  return {
    createBatch: (body, opts) =>
      http.json({
        method: 'POST',
        path: '/v1/batches',
        body,
        headers: keyHeader(opts?.idempotencyKey),
        signal: opts?.signal,
      }),
    uploadBatch: async (file, fields, opts) =>
      http.json({
        method: 'POST',
        path: '/v1/batches',
        form: await formOf(file, fields),
        headers: keyHeader(opts?.idempotencyKey),
        signal: opts?.signal,
        timeoutMs: 0,
      }),
    getBatch: (id, opts) => http.json({ method: 'GET', path: path(id), signal: opts?.signal }),
    listBatches: (params = {}, opts) =>
      http.json({
        method: 'GET',
        path: '/v1/batches',
        query: { limit: params.limit, cursor: params.cursor },
        signal: opts?.signal,
      }),
    listBatchRuns: (id, params = {}, opts) =>
      http.json({
        method: 'GET',
        path: path(id, '/runs'),
        query: { status: params.status, limit: params.limit, cursor: params.cursor },
        signal: opts?.signal,
      }),
    cancelBatch: (id, opts) => http.json({ method: 'POST', path: path(id, '/cancel'), signal: opts?.signal }),
    pauseBatch: (id, opts) => http.json({ method: 'POST', path: path(id, '/pause'), signal: opts?.signal }),
    resumeBatch: (id, opts) => http.json({ method: 'POST', path: path(id, '/resume'), signal: opts?.signal }),
    retryFailedBatch: (id, opts) =>
      http.json({ method: 'POST', path: path(id, '/retry-failed'), signal: opts?.signal }),
    batchResults: (id, params = {}) => streamText(http, path(id, '/results'), params),
  };
}

async function formOf(file: BatchUploadFile, fields: BatchUploadFields): Promise<FormData> {
  const form = new FormData();
  const { fileName, params, skipInvalid, ...rest } = fields;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) form.append(key, String(value));
  if (params) form.append('params', JSON.stringify(params));
  if (skipInvalid !== undefined) form.append('skipInvalid', String(skipInvalid));
  form.append('file', file instanceof Blob ? file : await blobOf(file), fileName);
  return form;
}

async function blobOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Blob(parts as BlobPart[]);
}

async function* streamText(
  http: HttpTransport,
  path: string,
  params: BatchResultsParams,
): AsyncGenerator<string> {
  const response = await http.send({
    method: 'GET',
    path,
    query: { format: params.format, status: params.status },
    accept: params.format === 'csv' ? 'text/csv' : 'application/x-ndjson',
    signal: params.signal,
    timeoutMs: 0,
  });
  if (!response.body) return;
  const decoder = new TextDecoder();
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
  } catch (error) {
    throw http.failure(error, params.signal, 0);
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
