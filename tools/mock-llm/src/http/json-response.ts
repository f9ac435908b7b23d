import { type ServerResponse } from 'node:http';
import { type OpenAiErrorResponse } from './openai-error';

/** Sends `body` as JSON with `status` and extra headers, unless the client is gone. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Sends an OpenAI error response. */
export function sendError(res: ServerResponse, error: OpenAiErrorResponse): void {
  sendJson(res, error.status, error.body, error.headers);
}
