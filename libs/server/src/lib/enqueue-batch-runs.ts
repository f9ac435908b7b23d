import { QueueName } from '@gtr/queue';
import { batchJobPriority } from './batches/batch-job-priority';
import { runJobOf } from './run-job-id';
import { type Runtime } from './runtime';

/** A batch as its jobs need it: queue priority and concurrency cap. */
export interface BatchJobSettings {
  id: string;
  priority: number;
  concurrency: number | null;
}

/** A run of the batch to enqueue as attempt `attemptCount + 1`, optionally due later. */
export interface BatchRunToEnqueue {
  runId: string;
  attemptCount: number;
  delayMs?: number;
}

/**
 * Enqueues runs of a batch in bulk, each job with the batch's priority and its cap. If the
 * enqueue fails the runs are safe in Postgres (queued or retrying): the reconciler enqueues them.
 */
export async function enqueueBatchRuns(
  runtime: Pick<Runtime, 'queue' | 'logger'>,
  tenantId: string,
  batch: BatchJobSettings,
  runs: readonly BatchRunToEnqueue[],
): Promise<void> {
  if (runs.length === 0) return;
  const cap = batch.concurrency === null ? null : { id: batch.id, concurrency: batch.concurrency };
  const priority = batchJobPriority(batch.priority);
  const jobs = runs.map((run) =>
    runJobOf({ runId: run.runId, tenantId, batch: cap }, run.attemptCount + 1, {
      priority,
      ...(run.delayMs ? { delayMs: run.delayMs } : {}),
    }),
  );
  await runtime.queue
    .addBulk(QueueName.Runs, jobs)
    .catch((error: unknown) =>
      runtime.logger.error(
        { err: error, runs: jobs.length },
        'batch enqueue failed; the reconciler will retry',
      ),
    );
}
