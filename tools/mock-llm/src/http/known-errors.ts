import { openAiError, type OpenAiErrorResponse } from './openai-error';

/** The 401 of a missing or wrong API key; the key itself is never echoed. */
export function invalidApiKeyError(): OpenAiErrorResponse {
  return openAiError(
    401,
    'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
    'invalid_request_error',
    'invalid_api_key',
  );
}

/** The 429 of an exhausted quota: not retryable until billing changes. */
export function insufficientQuotaError(): OpenAiErrorResponse {
  return openAiError(
    429,
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    'insufficient_quota',
    'insufficient_quota',
  );
}

/** The 400 of a prompt plus completion larger than the context window. */
export function contextLengthError(
  limit: number,
  promptTokens: number,
  completionTokens: number,
): OpenAiErrorResponse {
  const requested = promptTokens + completionTokens;
  return openAiError(
    400,
    `This model's maximum context length is ${limit} tokens. However, you requested ${requested} tokens (${promptTokens} in the messages, ${completionTokens} in the completion). Please reduce the length of the messages or completion.`,
    'invalid_request_error',
    'context_length_exceeded',
    'messages',
  );
}

/** A 500 or 503 `server_error`. */
export function serverError(status: 500 | 503): OpenAiErrorResponse {
  const message =
    status === 503
      ? 'The server is overloaded or not ready yet.'
      : 'The server had an error while processing your request. Sorry about that!';
  return openAiError(status, message, 'server_error', null);
}

/** The 404 of a path the mock does not serve. */
export function unknownUrlError(method: string, path: string): OpenAiErrorResponse {
  return openAiError(404, `Unknown request URL: ${method} ${path}.`, 'invalid_request_error', 'unknown_url');
}
