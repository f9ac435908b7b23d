import { setTimeout as sleep } from 'node:timers/promises';
import { type BatchView } from '@gtr/domain';
import { type CliContext } from './cli-context';
import { formatBatchProgress } from './output/format-batch-progress';
import { StatusLine } from './output/status-line';

const FINISHED = new Set<BatchView['status']>(['succeeded', 'partial', 'failed', 'cancelled']);

/** Options of `followBatch`. */
export interface FollowBatchOptions {
  /** Between two reads of the batch; default 1 s. */
  pollMs?: number;
}

/**
 * Reads the batch until it has finished, showing its progress on stderr when stderr is a
 * terminal. Resolves with the finished batch, or null when Ctrl+C detached (the batch goes on).
 */
export async function followBatch(
  ctx: CliContext,
  id: string,
  options: FollowBatchOptions = {},
): Promise<BatchView | null> {
  const client = ctx.client();
  const status = new StatusLine(ctx.stderr);
  status.start(`${id} submitted`);
  try {
    for (;;) {
      const batch = await client.getBatch(id, { signal: ctx.signal });
      status.update(formatBatchProgress(batch));
      if (FINISHED.has(batch.status)) return batch;
      await sleep(options.pollMs ?? 1000, undefined, { signal: ctx.signal });
    }
  } catch (error) {
    if (!ctx.signal?.aborted) throw error;
    return null;
  } finally {
    status.stop();
  }
}

/** What to print when Ctrl+C detached from a batch. */
export function detachedNote(id: string): string {
  return `Detached; the batch goes on. Watch it with: gtr batches watch ${id}\nGet its results with: gtr run --resume ${id} -o FILE`;
}
