import { type IncomingMessage, type ServerResponse } from 'node:http';
import { sendError, sendJson } from '../http/json-response';
import { openAiError } from '../http/openai-error';
import { readJsonBody } from '../http/read-json-body';
import { type MockLlmState } from '../server/mock-llm-state';
import { advanceBatch, FINAL_BATCH_STATUSES } from './batch-lifecycle';
import { type BatchObject, type StoredBatch } from './batch-objects';
import { unixSeconds } from './batch-store';
import { noSuchFile } from './files-route';
import { parseInputFile } from './parse-input-file';

/** The one endpoint the mock's batches run. */
const CHAT_ENDPOINT = '/v1/chat/completions';
const WINDOW_SECONDS = 24 * 60 * 60;

function badRequest(message: string, param: string) {
  return openAiError(400, message, 'invalid_request_error', null, param);
}

function noSuchBatch(id: string) {
  return openAiError(404, `No batch found with id '${id}'.`, 'invalid_request_error', null, 'batch_id');
}

function newBatch(id: string, inputFileId: string, metadata: Record<string, string> | null): BatchObject {
  const now = unixSeconds();
  return {
    id,
    object: 'batch',
    endpoint: CHAT_ENDPOINT,
    errors: null,
    input_file_id: inputFileId,
    completion_window: '24h',
    status: 'validating',
    output_file_id: null,
    error_file_id: null,
    created_at: now,
    in_progress_at: null,
    expires_at: now + WINDOW_SECONDS,
    finalizing_at: null,
    completed_at: null,
    failed_at: null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: { total: 0, completed: 0, failed: 0 },
    metadata,
  };
}

/**
 * `POST /v1/batches` `{ input_file_id, endpoint: "/v1/chat/completions", completion_window:
 * "24h", metadata? }`: the batch starts `validating`; an input file with bad lines fails it.
 */
export async function handleCreateBatch(
  state: MockLlmState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const input = (body.value ?? {}) as Record<string, unknown>;
  if (input['endpoint'] !== CHAT_ENDPOINT) {
    return sendError(res, badRequest(`endpoint must be "${CHAT_ENDPOINT}" on this server.`, 'endpoint'));
  }
  if (input['completion_window'] !== '24h') {
    return sendError(res, badRequest('completion_window must be "24h".', 'completion_window'));
  }
  const fileId = input['input_file_id'];
  const file = typeof fileId === 'string' ? state.batchApi.file(fileId) : undefined;
  if (!file) return sendError(res, noSuchFile(String(fileId)));
  const metadata = (input['metadata'] ?? null) as Record<string, string> | null;
  const object = newBatch(state.batchApi.nextBatchId(), file.object.id, metadata);
  const parsed = parseInputFile(file.content.toString('utf8'), CHAT_ENDPOINT);
  if (!parsed.ok) object.errors = { object: 'list', data: parsed.errors };
  else object.request_counts.total = parsed.lines.length;
  const batch: StoredBatch = {
    object,
    createdMs: Date.now(),
    lines: parsed.ok ? parsed.lines : [],
    processing: null,
  };
  state.batchApi.addBatch(batch);
  sendJson(res, 200, object);
}

const MAX_LIST_LIMIT = 100;

/**
 * `GET /v1/batches?limit=&after=`: one page of batches, newest first, each moved on by the
 * clock; `after` is the id of the last batch of the previous page.
 */
export async function handleListBatches(state: MockLlmState, url: URL, res: ServerResponse): Promise<void> {
  const limit = Number(url.searchParams.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    return sendError(res, badRequest(`limit must be an integer from 1 to ${MAX_LIST_LIMIT}.`, 'limit'));
  }
  const all = state.batchApi.allBatches();
  const after = url.searchParams.get('after');
  const start = after === null ? 0 : all.findIndex((batch) => batch.object.id === after) + 1;
  const page = all.slice(start, start + limit);
  const data = await Promise.all(page.map((batch) => advanceBatch(state, batch)));
  sendJson(res, 200, {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start + limit < all.length,
  });
}

/** `GET /v1/batches/:id`: the batch, moved on by the clock first. */
export async function handleGetBatch(state: MockLlmState, id: string, res: ServerResponse): Promise<void> {
  const batch = state.batchApi.batch(id);
  if (!batch) return sendError(res, noSuchBatch(id));
  sendJson(res, 200, await advanceBatch(state, batch));
}

/**
 * `POST /v1/batches/:id/cancel`: an unfinished batch turns `cancelling` (and `cancelled` on
 * the next read) with no output; a finished one answers 409.
 */
export async function handleCancelBatch(state: MockLlmState, id: string, res: ServerResponse): Promise<void> {
  const batch = state.batchApi.batch(id);
  if (!batch) return sendError(res, noSuchBatch(id));
  const object = await advanceBatch(state, batch);
  if (object.status === 'cancelled') return sendJson(res, 200, object);
  if (FINAL_BATCH_STATUSES.includes(object.status)) {
    const message = `Cannot cancel a batch with status '${object.status}'.`;
    return sendError(res, openAiError(409, message, 'invalid_request_error', null));
  }
  object.status = 'cancelling';
  object.cancelling_at = unixSeconds();
  sendJson(res, 200, object);
}
