import { Inject, Injectable } from '@nestjs/common';
import { BatchesRepository } from '@gtr/data';
import { GtrError, type RetryFailedResult } from '@gtr/domain';
import { QueueName } from '@gtr/queue';
import { RUNTIME, type Runtime, notifyRunChanged, runJobId } from '@gtr/server';
import { batchJobPriority } from '../batch-job-priority';

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
    const { queue, events, logger } = this.runtime;
    const retried = await this.batches.retryFailed(command.tenantId, command.batchId);
    if (!retried) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    const batch = await this.batches.find(command.tenantId, command.batchId);
    if (!batch) throw new GtrError('E_NOT_FOUND', `Batch ${command.batchId} not found.`);
    if (retried.length > 0) {
      const jobs = retried.map((run) => ({
        id: runJobId(run.runId, run.attemptCount + 1),
        payload: { runId: run.runId, tenantId: command.tenantId },
        priority: batchJobPriority(batch.priority),
      }));
      await queue
        .addBulk(QueueName.Runs, jobs)
        .catch((error: unknown) =>
          logger.error({ err: error, runs: jobs.length }, 'enqueue failed; the reconciler will retry'),
        );
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
