import { Inject, Injectable } from '@nestjs/common';
import { BatchesRepository } from '@gtr/data';
import { type BatchView, GtrError } from '@gtr/domain';
import {
  RUNTIME,
  type Runtime,
  RUN_CONTROL_CHANNEL,
  type RunCancelMessage,
  cancelProviderBatches,
  notifyRunChanged,
} from '@gtr/server';

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
    const { events } = this.runtime;
    const cancelled = await this.batches.cancel(command.tenantId, command.batchId);
    if (!cancelled) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    for (const run of cancelled) {
      if (run.previousStatus !== 'running') continue;
      const message: RunCancelMessage = { type: 'run.cancel', runId: run.runId };
      await events.publish(RUN_CONTROL_CHANNEL, message).catch(() => undefined);
    }
    // One event stands for the batch: a watcher re-reads its progress, however many runs changed.
    const first = cancelled[0];
    if (first) {
      await notifyRunChanged(events, {
        tenantId: command.tenantId,
        runId: first.runId,
        status: 'cancelled',
        batchId: command.batchId,
      });
    }
    const batch = await this.batches.find(command.tenantId, command.batchId);
    if (!batch) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    // Its runs are cancelled in Postgres already; stopping the provider's batch saves its cost.
    if (batch.mode === 'provider_batch') {
      await cancelProviderBatches(this.runtime, command.tenantId, command.batchId);
    }
    return batch;
  }
}
