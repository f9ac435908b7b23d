import { stripPromptMarkers } from '../faults/prompt-markers';
import { type ChatRequest } from './chat-request';
import { lastUserText } from './message-text';
import { sampleFromSchema } from './schema-sample';

const ECHO_LIMIT = 200;

/**
 * The deterministic plain answer to a conversation: for a last user message `Say X`, `X`;
 * otherwise `Echo: ` and its first 200 characters. Fail markers are left out.
 */
export function plainAnswer(request: Pick<ChatRequest, 'messages'>): string {
  const text = stripPromptMarkers(lastUserText(request.messages));
  if (text.startsWith('Say ')) return text.slice(4);
  return `Echo: ${text.slice(0, ECHO_LIMIT)}`;
}

/**
 * The full answer to a request: the plain answer, or with `response_format` a JSON text
 * (`json_schema`: a value satisfying the schema, strings carrying the plain answer;
 * `json_object`: `{"answer": …}`).
 */
export function answerText(request: Pick<ChatRequest, 'messages' | 'response_format'>): string {
  const plain = plainAnswer(request);
  const format = request.response_format;
  if (format?.type === 'json_schema')
    return JSON.stringify(sampleFromSchema(format.json_schema?.schema ?? {}, plain));
  if (format?.type === 'json_object') return JSON.stringify({ answer: plain });
  return plain;
}
