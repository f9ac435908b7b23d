import { type IncomingMessage, type ServerResponse } from 'node:http';
import { answerText } from '../completions/answer-text';
import {
  buildChunks,
  buildCompletion,
  buildUsage,
  type CompletionMeta,
  type CompletionUsage,
} from '../completions/completion-bodies';
import { FILTERED_CHOICE, fitAnswer, type CompletionChoice } from '../completions/completion-choice';
import { isChatRequestProblem, parseChatRequest, type ChatRequest } from '../completions/chat-request';
import { userTexts } from '../completions/message-text';
import { promptFingerprint } from '../completions/prompt-fingerprint';
import { estimatePromptTokens } from '../completions/token-estimate';
import { type FaultKind } from '../faults/fault-kind';
import { findPromptMarker } from '../faults/prompt-markers';
import { completionId } from '../http/ids';
import { sendError } from '../http/json-response';
import { contextLengthError, insufficientQuotaError, serverError } from '../http/known-errors';
import { openAiError } from '../http/openai-error';
import { readJsonBody } from '../http/read-json-body';
import { injectedRateLimitError, rateLimitError, rateLimitHeaders } from '../limits/rate-limit-headers';
import { type MockLlmState } from './mock-llm-state';
import { pause } from './pause';

/** One answer about to be written. */
interface Reply {
  request: ChatRequest;
  meta: CompletionMeta;
  choices: CompletionChoice[];
  usage: CompletionUsage;
  headers: Record<string, string>;
  malformed: boolean;
}

function plan(request: ChatRequest, fault: FaultKind | null): CompletionChoice[] {
  const count = request.n ?? 1;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? null;
  const choice = fault === 'contentFilter' ? FILTERED_CHOICE : fitAnswer(answerText(request), maxTokens);
  return Array.from({ length: count }, () => ({ ...choice }));
}

function writeJson(res: ServerResponse, reply: Reply): void {
  const full = JSON.stringify(buildCompletion(reply.meta, reply.choices, reply.usage));
  // Half a body: what a proxy that dropped the connection mid-answer leaves behind.
  const text = reply.malformed ? full.slice(0, Math.floor(full.length / 2)) : full;
  res.writeHead(200, {
    ...reply.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function writeStream(res: ServerResponse, reply: Reply): void {
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
 * `POST /v1/chat/completions`: validates, records the prompt, applies quota, rate limits and
 * context window, picks a fault, waits the latency and answers (JSON or SSE).
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
  const request = parseChatRequest(body.value);
  if (isChatRequestProblem(request)) {
    return sendError(
      res,
      openAiError(400, request.message, 'invalid_request_error', request.code, request.param),
    );
  }
  const config = state.config;
  const seen = state.stats.promptReceived(promptFingerprint(request.messages));
  if (config.quotaExhausted) return sendError(res, insufficientQuotaError());

  const promptTokens = estimatePromptTokens(request.messages);
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? null;
  const limits = state.limiter.admit(state.now(), promptTokens + (maxTokens ?? config.defaultMaxTokens), {
    rpm: config.rpm,
    tpm: config.tpm,
    window: config.limitWindow,
  });
  const headers = rateLimitHeaders(limits);
  if (limits.rejection) return sendError(res, rateLimitError(limits.rejection, request.model, headers));
  if (promptTokens + (maxTokens ?? 0) > config.contextWindowTokens) {
    return sendError(res, {
      ...contextLengthError(config.contextWindowTokens, promptTokens, maxTokens ?? 0),
      headers,
    });
  }

  const fault = state.takeFault(findPromptMarker(userTexts(request.messages)), seen);
  // A hang keeps the request open; the client's abort (or close()) ends it.
  if (fault === 'hang') return;
  if (!(await pause(state.latency(), signal))) return;

  switch (fault) {
    case 'error500':
    case 'error503':
      return sendError(res, { ...serverError(fault === 'error500' ? 500 : 503), headers });
    case 'rateLimit':
      return sendError(res, injectedRateLimitError(request.model, config.faultRetryAfterMs, headers));
    case 'quota':
      return sendError(res, insufficientQuotaError());
    case 'contextLength': {
      const claimed = Math.max(promptTokens, config.contextWindowTokens + 1);
      return sendError(res, {
        ...contextLengthError(config.contextWindowTokens, claimed, maxTokens ?? 0),
        headers,
      });
    }
    default:
      break;
  }

  const choices = plan(request, fault);
  const usage = buildUsage(promptTokens, choices);
  const reply: Reply = {
    request,
    meta: { id: completionId(), model: request.model, created: Math.floor(Date.now() / 1000) },
    choices,
    usage,
    headers: { ...headers, 'openai-processing-ms': String(Math.round(performance.now() - started)) },
    malformed: fault === 'malformed',
  };
  state.stats.tokensUsed(usage.prompt_tokens, usage.completion_tokens);
  if (request.stream === true) writeStream(res, reply);
  else writeJson(res, reply);
}
