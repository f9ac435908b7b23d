import { openAsBlob } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGtrClient } from '@gtr/client';
import { type BatchView } from '@gtr/domain';
import { type GtrDeployment } from '../support/gtr-deployment';

const FINISHED = new Set<BatchView['status']>(['succeeded', 'partial', 'failed', 'cancelled']);

/** What submitting one task file measured. */
export interface BatchTiming {
  batch: BatchView;
  /** Upload start to the 201 (rows parsed, runs created and queued). */
  acceptedMs: number;
  /** Upload start to the batch's `finishedAt` (its last run finished). */
  finishedMs: number;
}

/**
 * Uploads the JSONL task file at `path` as one batch with the API client (what `gtr run -i`
 * does, without writing the results file) and reads the batch every
 * `pollMs` (the CLI reads it every 1 s too; each read counts the batch's runs in Postgres) until it
 * has finished. The end is the batch's own `finishedAt`, so the poll interval does not blur it.
 */
export async function runBatchToEnd(
  deployment: GtrDeployment,
  path: string,
  pollMs = 1000,
): Promise<BatchTiming> {
  const client = createGtrClient({ baseUrl: deployment.apiUrl, apiKey: deployment.adminKey });
  const file = await openAsBlob(path);
  const startedAt = Date.now();
  const created = await client.uploadBatch(file, { fileName: 'tasks.jsonl' });
  const acceptedMs = Date.now() - startedAt;
  for (;;) {
    const batch = await client.getBatch(created.batch.id);
    if (FINISHED.has(batch.status)) {
      const finishedAt = batch.finishedAt ? Date.parse(batch.finishedAt) : Date.now();
      return { batch, acceptedMs, finishedMs: finishedAt - startedAt };
    }
    await sleep(pollMs);
  }
}
