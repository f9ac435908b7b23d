import { type ProviderBatchChunkInput, type ProviderBatchRun } from '@gtr/data';
import { toChatCompletionBody } from '@gtr/engine';

/** How large one input file may be. */
export interface ChunkLimits {
  /** Lines per file (OpenAI: 50,000). */
  maxRequests: number;
  /** Bytes per file (OpenAI: 200 MB). */
  maxBytes: number;
}

/** OpenAI's Batch API limits on one input file. */
export const OPENAI_BATCH_LIMITS: ChunkLimits = { maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 };

/** The JSONL line of a run: `custom_id` is the run id, the body what the openai provider would send. */
export function batchLine(
  run: Pick<ProviderBatchRun, 'runId' | 'model' | 'messages' | 'params' | 'outputSchema'>,
): string {
  const body = toChatCompletionBody({
    model: run.model,
    messages: run.messages,
    params: run.params,
    outputSchema: run.outputSchema,
  });
  return `${JSON.stringify({ custom_id: run.runId, method: 'POST', url: '/v1/chat/completions', body })}\n`;
}

/**
 * Splits runs into input files: one provider and model per file (the Batch API takes one model
 * per file), at most `maxRequests` lines and `maxBytes` bytes each, in run order. A single line
 * larger than `maxBytes` gets a file of its own, which the provider will refuse.
 */
export function splitIntoChunks(
  runs: readonly ProviderBatchRun[],
  limits: ChunkLimits,
): ProviderBatchChunkInput[] {
  const chunks: ProviderBatchChunkInput[] = [];
  const open = new Map<string, { chunk: ProviderBatchChunkInput; bytes: number }>();
  for (const run of runs) {
    const key = JSON.stringify([run.provider, run.model]);
    const bytes = Buffer.byteLength(batchLine(run));
    let current = open.get(key);
    if (
      !current ||
      current.chunk.runIds.length >= limits.maxRequests ||
      current.bytes + bytes > limits.maxBytes
    ) {
      current = { chunk: { provider: run.provider, model: run.model, runIds: [] }, bytes: 0 };
      open.set(key, current);
      chunks.push(current.chunk);
    }
    current.chunk.runIds.push(run.runId);
    current.bytes += bytes;
  }
  return chunks;
}
