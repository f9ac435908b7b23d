import { type CompletionChoice } from './completion-choice';

/** The identity shared by a completion and its chunks. */
export interface CompletionMeta {
  id: string;
  model: string;
  created: number;
}

/** OpenAI's `usage` object, with the detail fields the SDK types declare. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

const SYSTEM_FINGERPRINT = 'fp_mock_llm';

/** Usage for `promptTokens` of prompt and every choice's completion tokens. */
export function buildUsage(promptTokens: number, choices: CompletionChoice[]): CompletionUsage {
  const completion = choices.reduce((sum, choice) => sum + choice.completionTokens, 0);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completion,
    total_tokens: promptTokens + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** A non-streaming `chat.completion` body. */
export function buildCompletion(meta: CompletionMeta, choices: CompletionChoice[], usage: CompletionUsage) {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: choices.map((choice, index) => ({
      index,
      message: { role: 'assistant', content: choice.content, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: choice.finishReason,
    })),
    usage,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

function chunk(
  meta: CompletionMeta,
  choices: unknown[],
  withUsage: boolean,
  usage: CompletionUsage | null = null,
) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices,
    ...(withUsage ? { usage } : {}),
  };
}

function pieces(content: string): string[] {
  return content.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * The `chat.completion.chunk`s of a streamed completion: a role chunk, one chunk per word,
 * a finish chunk per choice and, with `include_usage`, a last chunk with empty `choices`
 * and the usage (every earlier chunk then carries `usage: null`, as OpenAI sends).
 */
export function buildChunks(
  meta: CompletionMeta,
  choices: CompletionChoice[],
  usage: CompletionUsage,
  includeUsage: boolean,
) {
  const delta = (index: number, value: Record<string, unknown>, finishReason: string | null = null) => ({
    index,
    delta: value,
    logprobs: null,
    finish_reason: finishReason,
  });
  const chunks = choices.flatMap((choice, index) => [
    chunk(
      meta,
      [delta(index, { role: 'assistant', content: choice.content === null ? null : '', refusal: null })],
      includeUsage,
    ),
    ...pieces(choice.content ?? '').map((piece) =>
      chunk(meta, [delta(index, { content: piece })], includeUsage),
    ),
    chunk(meta, [delta(index, {}, choice.finishReason)], includeUsage),
  ]);
  if (includeUsage) chunks.push(chunk(meta, [], true, usage));
  return chunks;
}
