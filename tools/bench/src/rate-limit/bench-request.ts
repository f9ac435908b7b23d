import { type CompletionRequest } from '@gtr/engine';

/** The model every benchmark request names (the mock accepts any). */
export const BENCH_MODEL = 'gpt-4o-mini';

/** Request `index` of worker `worker`: a short prompt the mock answers briefly, with a fixed budget. */
export function benchRequest(worker: number, index: number, maxTokens: number): CompletionRequest {
  return {
    model: BENCH_MODEL,
    messages: [{ role: 'user', content: `Say w${worker}r${index} done` }],
    params: { maxTokens },
  };
}
