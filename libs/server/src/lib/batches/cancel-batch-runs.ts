import { type BatchesRepository, type CancelledBatchRun } from '@gtr/data';
import { type Runtime } from '../runtime';
import { RUN_CONTROL_CHANNEL, type RunCancelMessage, notifyRunChanged } from '../run-events';

/**
 * Cancels every unfinished run of a batch in one guarded statement, asks the workers holding
 * the running ones to abort their calls, and publishes one change for the batch (a watcher
 * re-reads its progress, however many runs changed). Null when the tenant has no such batch.
 */
export async function cancelBatchRuns(
  runtime: Pick<Runtime, 'events'>,
  batches: BatchesRepository,
  tenantId: string,
  batchId: string,
): Promise<CancelledBatchRun[] | null> {
  const { events } = runtime;
  const cancelled = await batches.cancel(tenantId, batchId);
  if (!cancelled) return null;
  for (const run of cancelled) {
    if (run.previousStatus !== 'running') continue;
    const message: RunCancelMessage = { type: 'run.cancel', runId: run.runId };
    await events.publish(RUN_CONTROL_CHANNEL, message).catch(() => undefined);
  }
  const first = cancelled[0];
  if (first) await notifyRunChanged(events, { tenantId, runId: first.runId, status: 'cancelled', batchId });
  return cancelled;
}
