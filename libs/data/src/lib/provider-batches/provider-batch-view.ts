import { type ChatMessage, type RunParams } from '@gtr/domain';
import { type ProviderBatchStatus } from '../entities/provider-batch.entity';

/** One file of a `provider_batch` batch and where it stands; see `ProviderBatchEntity`. */
export interface ProviderBatchView {
  id: string;
  tenantId: string;
  batchId: string;
  chunkIndex: number;
  provider: string;
  model: string;
  runIds: string[];
  status: ProviderBatchStatus;
  inputFileId: string | null;
  providerBatchId: string | null;
  providerStatus: string | null;
  outputFileId: string | null;
  errorFileId: string | null;
  completedCount: number;
  failedCount: number;
  lastPolledAt: Date | null;
  submittedAt: Date | null;
  finishedAt: Date | null;
  errorMessage: string | null;
}

/** A batch in `provider_batch` mode whose runs are not split into files yet. */
export interface UnplannedBatch {
  batchId: string;
  tenantId: string;
}

/** A run as a Batch API line needs it. */
export interface ProviderBatchRun {
  runId: string;
  tenantId: string;
  batchId: string | null;
  provider: string;
  model: string;
  messages: ChatMessage[];
  params: RunParams;
  outputSchema: Record<string, unknown> | null;
}

/** A run a file's submission holds (`running`, claimed by the file): pass its attempt number back. */
export interface ClaimedProviderBatchRun extends ProviderBatchRun {
  attemptNumber: number;
}

/** The runs of one file to store: one model of one provider. */
export interface ProviderBatchChunkInput {
  provider: string;
  model: string;
  runIds: string[];
}

/** What a poll learned about a provider batch. */
export interface ProviderBatchPoll {
  providerStatus: string;
  completedCount: number;
  failedCount: number;
  outputFileId: string | null;
  errorFileId: string | null;
}

/**
 * The `claimed_by` of runs held by a provider batch file: the reconciler leaves such runs
 * alone (a provider batch may take hours), and results are recorded only for runs still held.
 */
export function providerBatchClaim(chunkId: string): string {
  return `${PROVIDER_BATCH_CLAIM_PREFIX}${chunkId}`;
}

export const PROVIDER_BATCH_CLAIM_PREFIX = 'provider-batch:';
