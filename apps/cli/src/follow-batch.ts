import { setTimeout as sleep } from 'node:timers/promises';
import { type GtrClient, Wakeup } from '@gtr/client';
import { type BatchView } from '@gtr/domain';
import { type CliContext } from './cli-context';
import { formatBatchProgress } from './output/format-batch-progress';
import { progressBar } from './output/progress-bar';
import { StatusLine } from './output/status-line';

const FINISHED = new Set<BatchView['status']>(['succeeded', 'partial', 'failed', 'cancelled']);

/** Options of `followBatch`. */
export interface FollowBatchOptions {
  /** Longest gap between two reads of the batch when no event arrives; default 2 s. */
  pollMs?: number;
  /** Shortest gap between two reads, however many runs change; default 200 ms. */
  minGapMs?: number;
}

/**
 * Reads the batch until it has finished, showing its progress on stderr when stderr is a
 * terminal. A change of any of its runs (the API's event stream) triggers the next read, at
 * most one per `minGapMs`; polling every `pollMs` covers a broken or missing stream. Resolves
 * with the finished batch, or null when Ctrl+C detached (the batch goes on).
 */
export async function followBatch(
  ctx: CliContext,
  id: string,
  options: FollowBatchOptions = {},
): Promise<BatchView | null> {
  const { pollMs = 2000, minGapMs = 200 } = options;
  const client = ctx.client();
  const status = new StatusLine(ctx.stderr);
  const wakeup = new Wakeup();
  const subscription = new AbortController();
  const stopSubscription = (): void => subscription.abort();
  ctx.signal?.addEventListener('abort', stopSubscription, { once: true });
  void listen(client, id, subscription.signal, wakeup);
  status.start(`${id} submitted`);
  try {
    for (;;) {
      const readAt = Date.now();
      const batch = await client.getBatch(id, { signal: ctx.signal });
      status.update(`${progressBar(batch.done, batch.total)} ${formatBatchProgress(batch)}`);
      if (FINISHED.has(batch.status)) return batch;
      await wakeup.sleep(pollMs, ctx.signal);
      const gap = Date.now() - readAt;
      if (gap < minGapMs) await sleep(minGapMs - gap, undefined, { signal: ctx.signal });
      ctx.signal?.throwIfAborted();
    }
  } catch (error) {
    if (!ctx.signal?.aborted) throw error;
    return null;
  } finally {
    ctx.signal?.removeEventListener('abort', stopSubscription);
    subscription.abort();
    status.stop();
  }
}

/** Events only hint that a read is due; if the stream fails, polling carries on alone. */
async function listen(
  client: GtrClient,
  batchId: string,
  signal: AbortSignal,
  wakeup: Wakeup,
): Promise<void> {
  try {
    for await (const event of client.events({ batchId, signal })) {
      if (event.batchId === batchId) wakeup.notify();
    }
  } catch {
    // Deliberately ignored: see above.
  }
}

/** What to print when Ctrl+C detached from a batch. */
export function detachedNote(id: string): string {
  return `Detached; the batch goes on. Watch it with: gtr batches watch ${id}\nGet its results with: gtr run --resume ${id} -o FILE`;
}
