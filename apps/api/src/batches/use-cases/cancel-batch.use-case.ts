import { Inject, Injectable } from '@nestjs/common';
import { BatchesRepository } from '@gtr/data';
import { type BatchView, GtrError } from '@gtr/domain';
import { RUNTIME, type Runtime, cancelBatchRuns, cancelProviderBatches } from '@gtr/server';

/**
 * Cancels every unfinished run of a batch. Queued runs never start (their claim fails); the
 * workers holding running ones abort their provider calls, asked on the control channel. The
 * provider batches of a `provider_batch` batch are cancelled at the provider (best effort).
 * Cancelling a finished batch changes nothing and returns it.
 */
@Injectable()
export class CancelBatchUseCase {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly batches: BatchesRepository,
  ) {}

  async execute(command: { tenantId: string; batchId: string }): Promise<BatchView> {
    const cancelled = await cancelBatchRuns(this.runtime, this.batches, command.tenantId, command.batchId);
    if (!cancelled) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    const batch = await this.batches.find(command.tenantId, command.batchId);
    if (!batch) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    // Its runs are cancelled in Postgres already; stopping the provider's batch saves its cost.
    if (batch.mode === 'provider_batch') {
      await cancelProviderBatches(this.runtime, command.tenantId, command.batchId);
    }
    return batch;
  }
}
