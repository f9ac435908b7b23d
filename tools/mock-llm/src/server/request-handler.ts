import { type IncomingMessage, type ServerResponse } from 'node:http';
import { routeBatchApi } from '../batch-api/batch-api-routes';
import { requestId } from '../http/ids';
import { sendError } from '../http/json-response';
import { invalidApiKeyError, unknownUrlError } from '../http/known-errors';
import { openAiError } from '../http/openai-error';
import { handleAdmin } from './admin-route';
import { isAuthorized } from './bearer-auth';
import { handleChatCompletion } from './chat-completions-route';
import { type MockLlmState } from './mock-llm-state';
import { handleModels } from './models-route';

const COMPLETIONS = 'POST /v1/chat/completions';

async function route(
  state: MockLlmState,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
) {
  if (!isAuthorized(req.headers, state.config.apiKey)) return sendError(res, invalidApiKeyError());
  if (`${method} ${path}` === COMPLETIONS) return handleChatCompletion(state, req, res, signal);
  if (method === 'GET' && path === '/v1/models') return handleModels(res, state.config.models, null);
  const model = method === 'GET' ? /^\/v1\/models\/(.+)$/.exec(path) : null;
  if (model) return handleModels(res, state.config.models, decodeURIComponent(model[1]));
  const batchApi = routeBatchApi(state, method, path, req, res);
  if (batchApi) return batchApi;
  return sendError(res, unknownUrlError(method, path));
}

function internalError(res: ServerResponse, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  sendError(res, openAiError(500, `mock-llm failed: ${message}`, 'server_error', null));
}

/**
 * The node:http request listener of a mock: admin calls go to `/_mock`, everything else is
 * counted (in flight until the response closes, aborted when the client leaves first),
 * authenticated and routed.
 */
export function createRequestHandler(
  state: MockLlmState,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://mock-llm').pathname.replace(/\/+$/, '') || '/';
    if (path === '/_mock' || path.startsWith('/_mock/')) {
      handleAdmin(state, method, path, req, res).catch((error: unknown) => internalError(res, error));
      return;
    }
    const name = `${method} ${path}`;
    const abort = new AbortController();
    state.stats.requestStarted(name);
    res.once('close', () => {
      const answered = res.writableFinished;
      if (!answered) abort.abort();
      state.stats.requestEnded(name === COMPLETIONS, answered ? res.statusCode : null);
    });
    res.setHeader('x-request-id', requestId());
    res.setHeader('openai-organization', 'org-mock');
    res.setHeader('openai-version', '2020-10-01');
    route(state, method, path, req, res, abort.signal).catch((error: unknown) => internalError(res, error));
  };
}
