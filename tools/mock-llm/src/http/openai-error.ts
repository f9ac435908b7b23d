/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An error response: status, body and extra headers. */
export interface OpenAiErrorResponse {
  status: number;
  body: OpenAiErrorBody;
  headers?: Record<string, string>;
}

/** Builds an error response with OpenAI's body shape. */
export function openAiError(
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
  headers?: Record<string, string>,
): OpenAiErrorResponse {
  return { status, body: { error: { message, type, param, code } }, headers };
}
