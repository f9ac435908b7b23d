import { Inject, Injectable } from '@nestjs/common';
import { BatchesRepository } from '@gtr/data';
import { type BatchView, GtrError } from '@gtr/domain';
import { RUNTIME, type Runtime, enqueueBatchRuns } from '@gtr/server';

type BatchCommand = { tenantId: string; batchId: string };

/**
 * Pauses and resumes batches. Pausing stops new runs of the batch from starting (the claim is
 * guarded on the batch's status; calls in flight finish); resuming enqueues the runs still
 * waiting, each as its next attempt, so nothing queued while paused is lost or run twice.
 */
@Injectable()
export class PauseBatchUseCase {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly batches: BatchesRepository,
  ) {}

  async pause(command: BatchCommand): Promise<BatchView> {
    const change = await this.batches.pause(command.tenantId, command.batchId);
    if (!change) throw notFound(command.batchId);
    const batch = await this.find(command);
    // Pausing a paused batch is a no-op; a finished or cancelled one cannot be paused.
    if (!change.changed && batch.status !== 'paused') {
      throw new GtrError(
        'E_CONFLICT',
        `Batch ${command.batchId} is ${batch.status}: only a queued or running batch can be paused.`,
      );
    }
    return batch;
  }

  async resume(command: BatchCommand): Promise<BatchView> {
    const change = await this.batches.resume(command.tenantId, command.batchId);
    if (!change) throw notFound(command.batchId);
    const batch = await this.find(command);
    if (!change.changed) {
      // Resuming a batch that is going anyway is a no-op, as pausing a paused one is.
      if (batch.status === 'queued' || batch.status === 'running') return batch;
      throw new GtrError(
        'E_CONFLICT',
        `Batch ${command.batchId} is ${batch.status}: only a paused batch can be resumed.`,
      );
    }
    await enqueueBatchRuns(this.runtime, command.tenantId, batch, change.runs);
    return this.find(command);
  }

  private async find(command: BatchCommand): Promise<BatchView> {
    const batch = await this.batches.find(command.tenantId, command.batchId);
    if (!batch) throw notFound(command.batchId);
    return batch;
  }
}

function notFound(batchId: string): GtrError {
  return new GtrError('E_NOT_FOUND', `Batch ${batchId} not found.`);
}
