import { Inject, Injectable } from '@nestjs/common';
import { BatchesRepository } from '@gtr/data';
import { GtrError, type RetryFailedResult } from '@gtr/domain';
import { RUNTIME, type Runtime, enqueueBatchRuns, notifyRunChanged } from '@gtr/server';

/**
 * Queues a batch's failed runs again, each with fresh attempts, and enqueues each as its next
 * attempt (`runJobId(runId, attemptCount + 1)`, so it never collides with a finished job's id).
 */
@Injectable()
export class RetryFailedBatchUseCase {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly batches: BatchesRepository,
  ) {}

  async execute(command: { tenantId: string; batchId: string }): Promise<RetryFailedResult> {
    const { events } = this.runtime;
    const retried = await this.batches.retryFailed(command.tenantId, command.batchId);
    if (!retried) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    const batch = await this.batches.find(command.tenantId, command.batchId);
    if (!batch) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    if (retried.length > 0) {
      await enqueueBatchRuns(this.runtime, command.tenantId, batch, retried);
      await notifyRunChanged(events, {
        tenantId: command.tenantId,
        runId: retried[0].runId,
        status: 'queued',
        batchId: command.batchId,
      });
    }
    return { batch, retried: retried.length };
  }
}
