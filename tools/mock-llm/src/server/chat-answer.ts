import { answerText } from '../completions/answer-text';
import {
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
import { contextLengthError, insufficientQuotaError, serverError } from '../http/known-errors';
import { openAiError, type OpenAiErrorResponse } from '../http/openai-error';
import { injectedRateLimitError, rateLimitError, rateLimitHeaders } from '../limits/rate-limit-headers';
import { type MockLlmState } from './mock-llm-state';
import { pause } from './pause';

/** One answer about to be written. */
export interface ChatReply {
  request: ChatRequest;
  meta: CompletionMeta;
  choices: CompletionChoice[];
  usage: CompletionUsage;
  headers: Record<string, string>;
  /** The `malformed` fault: the body is to be cut off. */
  malformed: boolean;
}

/**
 * How a chat completion ends: an answer, an error response, a `hang` (never answered) or
 * `aborted` (the client left during the latency).
 */
export type ChatOutcome =
  | { kind: 'reply'; reply: ChatReply }
  | { kind: 'error'; error: OpenAiErrorResponse }
  | { kind: 'hang' }
  | { kind: 'aborted' };

/** How {@link answerChat} is asked: over HTTP it waits the latency, in a batch it does not. */
export interface AnswerOptions {
  signal: AbortSignal;
  /** Wait the configured latency before answering (default true). */
  wait?: boolean;
  /** `performance.now()` when the request arrived, for `openai-processing-ms`. */
  started?: number;
}

function plan(request: ChatRequest, fault: FaultKind | null): CompletionChoice[] {
  const count = request.n ?? 1;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? null;
  const choice = fault === 'contentFilter' ? FILTERED_CHOICE : fitAnswer(answerText(request), maxTokens);
  return Array.from({ length: count }, () => ({ ...choice }));
}

/** The `chat.completion` body of a reply. */
export function completionBody(reply: ChatReply) {
  return buildCompletion(reply.meta, reply.choices, reply.usage);
}

/**
 * The chat completion logic shared by `POST /v1/chat/completions` and Batch API lines:
 * validates `body`, records the prompt, applies quota, rate limits and context window, picks
 * a fault, waits the latency (unless told not to) and plans the answer.
 */
export async function answerChat(
  state: MockLlmState,
  body: unknown,
  options: AnswerOptions,
): Promise<ChatOutcome> {
  const started = options.started ?? performance.now();
  const request = parseChatRequest(body);
  if (isChatRequestProblem(request)) {
    const error = openAiError(400, request.message, 'invalid_request_error', request.code, request.param);
    return { kind: 'error', error };
  }
  const config = state.config;
  const fingerprint = promptFingerprint(request.messages);
  const seen = state.stats.promptReceived(fingerprint);
  if (config.quotaExhausted) return { kind: 'error', error: insufficientQuotaError() };

  const promptTokens = estimatePromptTokens(request.messages);
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? null;
  const limits = state.limiter.admit(state.now(), promptTokens + (maxTokens ?? config.defaultMaxTokens), {
    rpm: config.rpm,
    tpm: config.tpm,
    window: config.limitWindow,
  });
  const headers = rateLimitHeaders(limits);
  if (limits.rejection) {
    return { kind: 'error', error: rateLimitError(limits.rejection, request.model, headers) };
  }
  if (promptTokens + (maxTokens ?? 0) > config.contextWindowTokens) {
    const error = contextLengthError(config.contextWindowTokens, promptTokens, maxTokens ?? 0);
    return { kind: 'error', error: { ...error, headers } };
  }

  const fault = state.takeFault(findPromptMarker(userTexts(request.messages)), seen);
  // A hang keeps the request open; the client's abort (or close()) ends it.
  if (fault === 'hang') return { kind: 'hang' };
  if (options.wait !== false && !(await pause(state.latency(), options.signal))) return { kind: 'aborted' };

  switch (fault) {
    case 'error500':
    case 'error503':
      return { kind: 'error', error: { ...serverError(fault === 'error500' ? 500 : 503), headers } };
    case 'rateLimit':
      return {
        kind: 'error',
        error: injectedRateLimitError(request.model, config.faultRetryAfterMs, headers),
      };
    case 'quota':
      return { kind: 'error', error: insufficientQuotaError() };
    case 'contextLength': {
      const claimed = Math.max(promptTokens, config.contextWindowTokens + 1);
      const error = contextLengthError(config.contextWindowTokens, claimed, maxTokens ?? 0);
      return { kind: 'error', error: { ...error, headers } };
    }
    default:
      break;
  }

  const choices = plan(request, fault);
  const usage = buildUsage(promptTokens, choices);
  state.stats.tokensUsed(usage.prompt_tokens, usage.completion_tokens);
  state.stats.promptAnswered(fingerprint);
  return {
    kind: 'reply',
    reply: {
      request,
      meta: { id: completionId(), model: request.model, created: Math.floor(Date.now() / 1000) },
      choices,
      usage,
      headers: { ...headers, 'openai-processing-ms': String(Math.round(performance.now() - started)) },
      malformed: fault === 'malformed',
    },
  };
}
