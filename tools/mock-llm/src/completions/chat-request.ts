/** One part of a multi-part message content; only text parts carry text. */
export interface ChatContentPart {
  type: string;
  text?: string;
}

/** A message as the mock reads it. */
export interface ChatMessage {
  role: string;
  content?: string | ChatContentPart[] | null;
}

/** The `response_format` of a request. */
export interface ChatResponseFormat {
  type: string;
  json_schema?: { name?: string; schema?: unknown; strict?: boolean };
}

/** The fields of `POST /v1/chat/completions` the mock honours; others are accepted and ignored. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  n?: number | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  response_format?: ChatResponseFormat | null;
}

/** Why a request body is not a chat completion request, in OpenAI's terms. */
export interface ChatRequestProblem {
  message: string;
  param: string | null;
  code: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalPositiveInt(body: Record<string, unknown>, key: string): ChatRequestProblem | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return null;
  return {
    message: `Invalid '${key}': expected an integer of at least 1.`,
    param: key,
    code: 'invalid_value',
  };
}

/** Checks the shape the mock relies on and returns the request or the first problem. */
export function parseChatRequest(body: unknown): ChatRequest | ChatRequestProblem {
  if (!isRecord(body)) {
    return { message: 'The request body must be a JSON object.', param: null, code: null };
  }
  if (typeof body['model'] !== 'string' || body['model'] === '') {
    return {
      message: "Missing required parameter: 'model'.",
      param: 'model',
      code: 'missing_required_parameter',
    };
  }
  const messages = body['messages'];
  if (!Array.isArray(messages)) {
    return {
      message: "Missing required parameter: 'messages'.",
      param: 'messages',
      code: 'missing_required_parameter',
    };
  }
  if (messages.length === 0) {
    return {
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1.",
      param: 'messages',
      code: 'empty_array',
    };
  }
  const badMessage = messages.findIndex(
    (message) => !isRecord(message) || typeof message['role'] !== 'string',
  );
  if (badMessage >= 0) {
    return {
      message: `Invalid 'messages[${badMessage}]': expected an object with a 'role'.`,
      param: `messages[${badMessage}]`,
      code: 'invalid_type',
    };
  }
  for (const key of ['max_tokens', 'max_completion_tokens', 'n']) {
    const problem = optionalPositiveInt(body, key);
    if (problem) return problem;
  }
  return body as unknown as ChatRequest;
}

/** Tells a parsed request from a problem. */
export function isChatRequestProblem(value: ChatRequest | ChatRequestProblem): value is ChatRequestProblem {
  return 'message' in value;
}
