import { OpenAI, toFile } from 'openai';
import { type ProviderConfig } from '@gtr/engine';

/** A provider batch as a poll sees it. */
export interface RemoteBatch {
  id: string;
  /** OpenAI's status: validating, in_progress, finalizing, completed, failed, expired, cancelling, cancelled. */
  status: string;
  completedCount: number;
  failedCount: number;
  outputFileId: string | null;
  errorFileId: string | null;
  /** The provider's reasons when the batch failed validation. */
  errors: string[];
}

/** The calls of a provider's Batch API that gtr makes. */
export interface BatchApiClient {
  /** Uploads a JSONL input file (`purpose: batch`); resolves to its file id. */
  uploadInput(filename: string, content: Buffer): Promise<string>;
  /** Creates a batch of `/v1/chat/completions` lines over 24 h. */
  createBatch(inputFileId: string, metadata: Record<string, string>): Promise<RemoteBatch>;
  retrieveBatch(id: string): Promise<RemoteBatch>;
  /**
   * The batch created from this input file, among the provider's most recent batches, or null:
   * how a resumed submission finds out that the worker before it had created the batch already.
   */
  findBatchOf(inputFileId: string): Promise<RemoteBatch | null>;
  cancelBatch(id: string): Promise<RemoteBatch>;
  /** The text of an output or error file. */
  fileText(id: string): Promise<string>;
}

/** How many of the provider's latest batches a resumed submission looks through. */
const RECENT_BATCHES_SCANNED = 1000;

/** Batch states that never change again. */
export const FINAL_REMOTE_STATUSES = new Set(['completed', 'failed', 'expired', 'cancelled']);

function remote(batch: OpenAI.Batch): RemoteBatch {
  return {
    id: batch.id,
    status: batch.status,
    completedCount: batch.request_counts?.completed ?? 0,
    failedCount: batch.request_counts?.failed ?? 0,
    outputFileId: batch.output_file_id ?? null,
    errorFileId: batch.error_file_id ?? null,
    errors: (batch.errors?.data ?? []).map((error) =>
      [error.line ? `line ${error.line}` : null, error.code, error.message].filter(Boolean).join(': '),
    ),
  };
}

/**
 * The Batch API of an `openai`-kind provider config, on the official SDK. Configuration comes
 * from the provider config only (no environment reads); the SDK retries transient errors twice,
 * which is harmless here: a failed step is tried again on a later tick anyway.
 */
export function openAiBatchClient(config: Pick<ProviderConfig, 'apiKey' | 'baseURL'>): BatchApiClient {
  const client = new OpenAI({
    apiKey: config.apiKey ?? '',
    baseURL: config.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 2,
    logLevel: 'off',
  });
  return {
    async uploadInput(filename, content) {
      const file = await client.files.create({ file: await toFile(content, filename), purpose: 'batch' });
      return file.id;
    },
    async createBatch(inputFileId, metadata) {
      return remote(
        await client.batches.create({
          input_file_id: inputFileId,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
          metadata,
        }),
      );
    },
    retrieveBatch: async (id) => remote(await client.batches.retrieve(id)),
    async findBatchOf(inputFileId) {
      let seen = 0;
      for await (const batch of client.batches.list({ limit: 100 })) {
        if (batch.input_file_id === inputFileId) return remote(batch);
        if (++seen >= RECENT_BATCHES_SCANNED) break;
      }
      return null;
    },
    cancelBatch: async (id) => remote(await client.batches.cancel(id)),
    fileText: async (id) => (await client.files.content(id)).text(),
  };
}
