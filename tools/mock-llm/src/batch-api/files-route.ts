import { type IncomingMessage, type ServerResponse } from 'node:http';
import { sendError, sendJson } from '../http/json-response';
import { openAiError } from '../http/openai-error';
import { type BatchStore } from './batch-store';
import { readRawBody } from './read-raw-body';

/** OpenAI's limit on a Batch API input file; larger uploads are refused. */
export const MAX_BATCH_FILE_BYTES = 200 * 1024 * 1024;
/** The body limit: the largest file plus room for the multipart framing around it. */
const MAX_UPLOAD_BYTES = MAX_BATCH_FILE_BYTES + 64 * 1024;

function badRequest(message: string, param: string | null) {
  return openAiError(400, message, 'invalid_request_error', null, param);
}

/** The 404 of an unknown file id. */
export function noSuchFile(id: string) {
  return openAiError(404, `No such File object: ${id}`, 'invalid_request_error', null, 'id');
}

/** Parses a multipart body with the platform's own form-data parser (undici). */
async function parseForm(req: IncomingMessage, body: Buffer): Promise<FormData | null> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return null;
  try {
    return await new Request('http://mock-llm/v1/files', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    return null;
  }
}

/** `POST /v1/files`: a multipart upload with `file` and `purpose`; answers the file object. */
export async function handleUploadFile(
  store: BatchStore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readRawBody(req, MAX_UPLOAD_BYTES);
  if (!body) {
    return sendError(res, badRequest(`Files are limited to ${MAX_BATCH_FILE_BYTES} bytes.`, 'file'));
  }
  const form = await parseForm(req, body);
  if (!form) return sendError(res, badRequest('Expected a multipart/form-data body.', null));
  const purpose = form.get('purpose');
  const file = form.get('file');
  if (typeof purpose !== 'string' || purpose === '') {
    return sendError(res, badRequest('Missing required parameter: purpose.', 'purpose'));
  }
  if (file === null || typeof file === 'string') {
    return sendError(res, badRequest('Missing required parameter: file.', 'file'));
  }
  sendJson(res, 200, store.addFile(file.name, purpose, Buffer.from(await file.arrayBuffer())));
}

/** `GET /v1/files/:id`: the file object. */
export function handleGetFile(store: BatchStore, id: string, res: ServerResponse): void {
  const file = store.file(id);
  if (!file) return sendError(res, noSuchFile(id));
  sendJson(res, 200, file.object);
}

/** `GET /v1/files/:id/content`: the file's bytes. */
export function handleFileContent(store: BatchStore, id: string, res: ServerResponse): void {
  const file = store.file(id);
  if (!file) return sendError(res, noSuchFile(id));
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': file.content.length,
  });
  res.end(file.content);
}
