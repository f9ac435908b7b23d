import { type IncomingMessage } from 'node:http';
import { openAiError, type OpenAiErrorResponse } from './openai-error';

/** The parsed body, or the error response to send instead. */
export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; error: OpenAiErrorResponse };

const DEFAULT_LIMIT = 16 * 1024 * 1024;

/** Reads and parses a JSON body (empty = `undefined`); too large is 413, broken JSON 400. */
export async function readJsonBody(req: IncomingMessage, limit = DEFAULT_LIMIT): Promise<JsonBodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Reading on past the limit (and dropping it) lets the client finish sending and read the 413.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) {
    return {
      ok: false,
      error: openAiError(413, `The request body exceeds ${limit} bytes.`, 'invalid_request_error', null),
    };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      error: openAiError(
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
        'invalid_request_error',
        null,
      ),
    };
  }
}
