import { type IncomingMessage, type ServerResponse } from 'node:http';
import { sendError, sendJson } from '../http/json-response';
import { openAiError } from '../http/openai-error';
import { readJsonBody } from '../http/read-json-body';
import { unknownUrlError } from '../http/known-errors';
import { type MockLlmConfig } from '../options/mock-llm-options';
import { type MockLlmState } from './mock-llm-state';

/** The behaviour as the admin API shows it: the API key is replaced by whether one is set. */
export function redactedConfig(
  config: MockLlmConfig,
): Omit<MockLlmConfig, 'apiKey'> & { apiKey: string | null } {
  return { ...config, apiKey: config.apiKey === null ? null : '***' };
}

function invalidConfig(message: string) {
  return openAiError(400, message, 'invalid_request_error', 'invalid_config');
}

/**
 * The admin API under `/_mock`: `GET health`, `GET stats`, `POST reset` (body
 * `{"options": true}` also restores the start options), `GET config`, `POST config` (a
 * partial behaviour). Not counted in the stats and never behind the API key.
 */
export async function handleAdmin(
  state: MockLlmState,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /_mock/health':
      return sendJson(res, 200, { status: 'ok' });
    case 'GET /_mock/stats':
      return sendJson(res, 200, { ...state.stats.snapshot(), duplicates: state.stats.duplicates() });
    case 'GET /_mock/config':
      return sendJson(res, 200, redactedConfig(state.config));
    case 'POST /_mock/reset': {
      const body = await readJsonBody(req);
      if (!body.ok) return sendError(res, body.error);
      const options = (body.value as { options?: unknown } | undefined)?.options === true;
      state.reset(options);
      return sendJson(res, 200, { ok: true, restoredOptions: options });
    }
    case 'POST /_mock/config': {
      const body = await readJsonBody(req);
      if (!body.ok) return sendError(res, body.error);
      try {
        return sendJson(
          res,
          200,
          redactedConfig(state.configure((body.value ?? {}) as Partial<MockLlmConfig>)),
        );
      } catch (error) {
        return sendError(res, invalidConfig((error as Error).message));
      }
    }
    default:
      return sendError(res, unknownUrlError(method, path));
  }
}
