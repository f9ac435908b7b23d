import { type ServerResponse } from 'node:http';
import { sendError, sendJson } from '../http/json-response';
import { openAiError } from '../http/openai-error';

const CREATED = 1_700_000_000;

function model(id: string) {
  return { id, object: 'model', created: CREATED, owned_by: 'mock-llm' };
}

/** `GET /v1/models` and `GET /v1/models/{id}` over the configured model ids. */
export function handleModels(res: ServerResponse, models: string[], id: string | null): void {
  if (id === null) {
    sendJson(res, 200, { object: 'list', data: models.map(model) });
    return;
  }
  if (models.includes(id)) {
    sendJson(res, 200, model(id));
    return;
  }
  sendError(
    res,
    openAiError(
      404,
      `The model '${id}' does not exist or you do not have access to it.`,
      'invalid_request_error',
      'model_not_found',
      'model',
    ),
  );
}
