import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type MockLlmState } from '../server/mock-llm-state';
import { handleCancelBatch, handleCreateBatch, handleGetBatch, handleListBatches } from './batches-route';
import { handleFileContent, handleGetFile, handleUploadFile } from './files-route';

const FILE = /^\/v1\/files\/([^/]+)$/;
const FILE_CONTENT = /^\/v1\/files\/([^/]+)\/content$/;
const BATCH = /^\/v1\/batches\/([^/]+)$/;
const BATCH_CANCEL = /^\/v1\/batches\/([^/]+)\/cancel$/;

/**
 * The Batch API surface (`/v1/files`, `/v1/batches`): the handling of `method path`, or null
 * when it is not one of these routes.
 */
export function routeBatchApi(
  state: MockLlmState,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> | null {
  const store = state.batchApi;
  const id = (pattern: RegExp) => {
    const match = pattern.exec(path);
    return match ? decodeURIComponent(match[1]) : null;
  };
  if (method === 'POST') {
    if (path === '/v1/files') return handleUploadFile(store, req, res);
    if (path === '/v1/batches') return handleCreateBatch(state, req, res);
    const cancel = id(BATCH_CANCEL);
    if (cancel !== null) return handleCancelBatch(state, cancel, res);
    return null;
  }
  if (method !== 'GET') return null;
  if (path === '/v1/batches')
    return handleListBatches(state, new URL(req.url ?? '/', 'http://mock-llm'), res);
  const content = id(FILE_CONTENT);
  if (content !== null) return Promise.resolve(handleFileContent(store, content, res));
  const file = id(FILE);
  if (file !== null) return Promise.resolve(handleGetFile(store, file, res));
  const batch = id(BATCH);
  if (batch !== null) return handleGetBatch(state, batch, res);
  return null;
}
