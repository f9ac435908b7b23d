import { type IncomingMessage, type ServerResponse } from 'node:http';
import { buildChunks } from '../completions/completion-bodies';
import { sendError } from '../http/json-response';
import { readJsonBody } from '../http/read-json-body';
import { answerChat, completionBody, type ChatReply } from './chat-answer';
import { type MockLlmState } from './mock-llm-state';

function writeJson(res: ServerResponse, reply: ChatReply): void {
  const full = JSON.stringify(completionBody(reply));
  // Half a body: what a proxy that dropped the connection mid-answer leaves behind.
  const text = reply.malformed ? full.slice(0, Math.floor(full.length / 2)) : full;
  res.writeHead(200, {
    ...reply.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function writeStream(res: ServerResponse, reply: ChatReply): void {
  const includeUsage = reply.request.stream_options?.include_usage === true;
  const chunks = buildChunks(reply.meta, reply.choices, reply.usage, includeUsage);
  res.writeHead(200, {
    ...reply.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  if (reply.malformed) {
    res.write(`data: ${JSON.stringify(chunks[0])}\n\n`);
    res.end(`data: ${JSON.stringify(chunks[1] ?? chunks[0]).slice(0, 40)}\n\n`);
    return;
  }
  for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  res.end('data: [DONE]\n\n');
}

/**
 * `POST /v1/chat/completions`: reads the body, answers it with {@link answerChat} and writes
 * the answer (JSON or SSE) or the error.
 */
export async function handleChatCompletion(
  state: MockLlmState,
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const started = performance.now();
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const outcome = await answerChat(state, body.value, { signal, started });
  if (outcome.kind === 'error') return sendError(res, outcome.error);
  if (outcome.kind !== 'reply') return;
  if (outcome.reply.request.stream === true) writeStream(res, outcome.reply);
  else writeJson(res, outcome.reply);
}
