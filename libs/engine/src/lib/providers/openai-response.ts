import { type TokenUsage } from '@gtr/domain';
import { ProviderError, type ProviderErrorDetails } from '../errors/provider-error';
import { parseRateLimitHeaders } from '../http/rate-limit-snapshot';
import { type CompletionRequest, type CompletionResult } from '../provider/provider';

/** What the SDK's `withResponse()` gives back, reduced to what we read. */
export interface RawCompletion {
  /** The parsed body; `unknown` because an OpenAI-compatible server may send anything. */
  data: unknown;
  response: Pick<Response, 'status' | 'headers'>;
}

/**
 * Maps a 2xx Chat Completions answer to a {@link CompletionResult}.
 *
 * Throws a `ProviderError`: E_SERVER_ERROR when the body is not a completion,
 * E_CONTENT_FILTER when the answer was filtered or refused with no content, and
 * E_OUTPUT_INVALID when an `outputSchema` was asked for and the content is not JSON.
 */
export function toCompletionResult(req: CompletionRequest, raw: RawCompletion): CompletionResult {
  const { status, headers } = raw.response;
  const rateLimit = parseRateLimitHeaders(headers);
  const providerRequestId = headers.get('x-request-id');
  const details = { httpStatus: status, rateLimit, providerRequestId };

  const choice = firstChoice(raw.data);
  if (!choice) {
    throw new ProviderError('E_SERVER_ERROR', 'The provider answered without a completion choice.', details);
  }
  const message = record(choice['message']);
  const text = typeof message['content'] === 'string' ? message['content'] : null;
  const refusal = typeof message['refusal'] === 'string' ? message['refusal'] : null;
  const finishReason = typeof choice['finish_reason'] === 'string' ? choice['finish_reason'] : null;

  if (!text && finishReason === 'content_filter') {
    throw new ProviderError('E_CONTENT_FILTER', 'The provider content filter withheld the answer.', details);
  }
  if (!text && refusal) {
    throw new ProviderError('E_CONTENT_FILTER', `The model refused to answer: ${refusal}`, details);
  }

  const result: CompletionResult = {
    text,
    usage: usageOf(record(raw.data)['usage']),
    finishReason,
    providerRequestId,
    httpStatus: status,
    rateLimit,
  };
  if (req.outputSchema) result.json = parseOutput(text, finishReason, details);
  return result;
}

function parseOutput(
  text: string | null,
  finishReason: string | null,
  details: ProviderErrorDetails,
): unknown {
  const truncated = finishReason === 'length' ? ' (the answer was cut off by the max tokens limit)' : '';
  if (!text)
    throw new ProviderError(
      'E_OUTPUT_INVALID',
      `The model returned no output to parse as JSON${truncated}.`,
      details,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError('E_OUTPUT_INVALID', `The model output is not valid JSON${truncated}.`, details);
  }
}

function firstChoice(data: unknown): Record<string, unknown> | null {
  const choices = record(data)['choices'];
  if (!Array.isArray(choices) || choices.length === 0) return null;
  const first: unknown = choices[0];
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : null;
}

function usageOf(value: unknown): TokenUsage {
  const usage = record(value);
  const promptTokens = count(usage['prompt_tokens']);
  const completionTokens = count(usage['completion_tokens']);
  return {
    promptTokens,
    completionTokens,
    totalTokens: count(usage['total_tokens']) || promptTokens + completionTokens,
    cachedTokens: count(record(usage['prompt_tokens_details'])['cached_tokens']),
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
