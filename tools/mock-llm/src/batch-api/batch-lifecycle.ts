import { type MockLlmState } from '../server/mock-llm-state';
import { type BatchObject, type BatchStatus, type StoredBatch } from './batch-objects';
import { type BatchResultLine, runBatchLines } from './run-batch-lines';
import { unixSeconds } from './batch-store';

/** States a batch never leaves. */
export const FINAL_BATCH_STATUSES: readonly BatchStatus[] = ['failed', 'completed', 'expired', 'cancelled'];

function jsonl(lines: BatchResultLine[]): Buffer {
  return Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

async function processLines(state: MockLlmState, batch: StoredBatch): Promise<void> {
  const object = batch.object;
  object.status = 'finalizing';
  object.finalizing_at = unixSeconds();
  const results = await runBatchLines(state, batch.lines);
  const store = state.batchApi;
  if (results.output.length > 0) {
    object.output_file_id = store.addFile(
      `${object.id}_output.jsonl`,
      'batch_output',
      jsonl(results.output),
    ).id;
  }
  if (results.errors.length > 0) {
    object.error_file_id = store.addFile(
      `${object.id}_error.jsonl`,
      'batch_output',
      jsonl(results.errors),
    ).id;
  }
  object.request_counts = {
    total: batch.lines.length,
    completed: results.output.length,
    failed: results.errors.length,
  };
  object.status = 'completed';
  object.completed_at = unixSeconds();
}

/**
 * Brings a batch up to date with the clock, as the real service would have moved it on:
 * `validating` until half the mock's `batchDelayMs` has passed (then `failed` if the input
 * was invalid, else `in_progress`), and once the whole delay has passed the lines are answered
 * and the batch is `completed`. A `cancelling` batch is `cancelled` by the next read.
 */
export async function advanceBatch(state: MockLlmState, batch: StoredBatch): Promise<BatchObject> {
  const object = batch.object;
  if (object.status === 'cancelling') {
    object.status = 'cancelled';
    object.cancelled_at = unixSeconds();
  }
  if (FINAL_BATCH_STATUSES.includes(object.status)) return object;
  // The delay in force now, not at creation: a spec may speed up a batch already submitted.
  const delayMs = state.config.batchDelayMs;
  const elapsed = Date.now() - batch.createdMs;
  if (object.status === 'validating' && elapsed >= delayMs / 2) {
    if (object.errors) {
      object.status = 'failed';
      object.failed_at = unixSeconds();
      return object;
    }
    object.status = 'in_progress';
    object.in_progress_at = unixSeconds();
  }
  if (object.status !== 'validating' && elapsed >= delayMs) {
    batch.processing ??= processLines(state, batch);
    await batch.processing;
  }
  return object;
}
