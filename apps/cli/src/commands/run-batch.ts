import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { type BatchUploadFields } from '@gtr/client';
import { type CreateBatchResult, GtrError } from '@gtr/domain';
import { UsageError } from '../args/usage-error';
import { exitCodeOfBatch } from '../batch-exit-code';
import { type CliContext } from '../cli-context';
import { EXIT_INTERRUPTED } from '../exit-codes';
import { detachedNote, followBatch } from '../follow-batch';
import { formatBatchProgress } from '../output/format-batch-progress';
import { writeBatchResults } from '../write-batch-results';

/** The flags of `gtr run -i FILE` / `gtr run --resume ID`. */
export interface RunBatchFlags {
  file?: string;
  resume?: string;
  out?: string;
  task?: string;
  version?: number;
  model?: string;
  provider?: string;
  temperature?: number;
  maxTokens?: number;
  concurrency?: number;
  mode?: 'queue' | 'provider_batch';
  skipInvalid?: boolean;
  onlyFailed?: boolean;
  idempotencyKey?: string;
  pollMs?: number;
}

/**
 * Submits a task file as a batch (or re-attaches to one with `--resume`, first queueing its
 * failed rows again with `--only-failed`), follows it, writes
 * its results to `--out` and its failed rows to `<out>.failed.jsonl`. Returns the exit code:
 * 0 all succeeded, 80 some, the taxonomy code when all failed for one reason, 130 on Ctrl+C
 * (the batch goes on).
 */
export async function runBatch(ctx: CliContext, flags: RunBatchFlags): Promise<number> {
  if (!flags.out)
    throw new UsageError('E_VALIDATION_MISSING_FIELD', 'give -o <file> for the results (.jsonl or .csv)');
  if (flags.file !== undefined && flags.resume !== undefined) {
    throw new UsageError('E_VALIDATION', '-i and --resume cannot be combined; give one');
  }
  if (flags.onlyFailed && flags.resume === undefined) {
    throw new UsageError('E_VALIDATION', '--only-failed needs --resume <batch id>');
  }
  const client = ctx.client();
  let id = flags.resume;
  if (flags.file !== undefined) {
    const created = await submit(ctx, flags.file, flags);
    id = created.batch.id;
    ctx.note(
      `Batch ${id}: ${created.batch.total} rows${created.skippedRows ? `, ${created.skippedRows} invalid rows skipped` : ''}`,
    );
    for (const issue of created.issues)
      ctx.note(`  row ${issue.row ?? '?'}, ${issue.field}: ${issue.message}`);
  }
  if (id === undefined)
    throw new UsageError('E_VALIDATION_MISSING_FIELD', 'give -i <file> or --resume <batch id>');
  if (flags.onlyFailed) {
    if (flags.resume === undefined)
      throw new UsageError('E_VALIDATION', '--only-failed needs --resume <batch id>');
    const { retried } = await client.retryFailedBatch(id, { signal: ctx.signal });
    ctx.note(`${retried} failed rows queued again; the others keep their results`);
  }
  const batch = await followBatch(ctx, id, { pollMs: flags.pollMs });
  if (!batch) {
    ctx.note(detachedNote(id));
    return EXIT_INTERRUPTED;
  }
  const written = await writeBatchResults(client, id, flags.out, ctx.signal);
  ctx.note(formatBatchProgress(batch));
  ctx.note(
    `Results: ${flags.out}${written.failedFile ? `; ${written.failedRows} failed rows: ${written.failedFile}` : ''}`,
  );
  return exitCodeOfBatch(batch, written.failureCodes);
}

async function submit(ctx: CliContext, path: string, flags: RunBatchFlags): Promise<CreateBatchResult> {
  let file: Blob;
  try {
    file = await openAsBlob(path);
  } catch {
    throw new GtrError('E_FILE_NOT_FOUND', `File not found: ${path}`);
  }
  const params = {
    ...(flags.temperature !== undefined && { temperature: flags.temperature }),
    ...(flags.maxTokens !== undefined && { maxTokens: flags.maxTokens }),
  };
  const fields: BatchUploadFields = {
    fileName: basename(path),
    ...(flags.task !== undefined && { task: flags.task }),
    ...(flags.version !== undefined && { version: flags.version }),
    ...(flags.model !== undefined && { model: flags.model }),
    ...(flags.provider !== undefined && { provider: flags.provider }),
    ...(Object.keys(params).length > 0 && { params }),
    ...(flags.concurrency !== undefined && { concurrency: flags.concurrency }),
    ...(flags.mode !== undefined && { mode: flags.mode }),
    ...(flags.skipInvalid && { skipInvalid: true }),
  };
  return ctx.client().uploadBatch(file, fields, { signal: ctx.signal, idempotencyKey: flags.idempotencyKey });
}
