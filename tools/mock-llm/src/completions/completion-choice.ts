import { estimateTokens } from './token-estimate';

/** What one choice of a completion says and costs. */
export interface CompletionChoice {
  content: string | null;
  finishReason: 'stop' | 'length' | 'content_filter';
  completionTokens: number;
}

/**
 * Fits `answer` into `maxTokens`: a longer answer is cut to `maxTokens` tokens (four
 * characters each) and ends with `length`, as a real model stops mid-sentence.
 */
export function fitAnswer(answer: string, maxTokens: number | null): CompletionChoice {
  const tokens = estimateTokens(answer);
  if (maxTokens !== null && maxTokens < tokens) {
    return { content: answer.slice(0, maxTokens * 4), finishReason: 'length', completionTokens: maxTokens };
  }
  return { content: answer, finishReason: 'stop', completionTokens: tokens };
}

/** The choice of a completion the content filter stopped: no content, no tokens. */
export const FILTERED_CHOICE: Readonly<CompletionChoice> = Object.freeze({
  content: null,
  finishReason: 'content_filter',
  completionTokens: 0,
});
