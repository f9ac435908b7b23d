import { type Command } from 'commander';
import { type BatchView } from '@gtr/domain';
import { numberOption } from '../args/number-option';
import { exitCodeOfBatch } from '../batch-exit-code';
import { type CliContext } from '../cli-context';
import { EXIT_INTERRUPTED } from '../exit-codes';
import { detachedNote, followBatch } from '../follow-batch';
import { formatBatchProgress } from '../output/format-batch-progress';
import { formatCost, formatUtc } from '../output/format-values';
import { writeBatchResults } from '../write-batch-results';

/** `gtr batches …`: list, get, watch, cancel, pause, resume, retry-failed and results of batches. */
export function registerBatchesCommand(program: Command, ctx: CliContext): void {
  const batches = program
    .command('batches')
    .description('List, inspect, watch, cancel, pause, resume and retry batches; get their results');

  batches
    .command('list')
    .description('List batches, newest first')
    .option('--limit <n>', 'how many, 1-500', numberOption('--limit', { integer: true }), 20)
    .option('--cursor <cursor>', 'the next page, from an earlier list')
    .option('--json', 'print the page as JSON')
    .action(async (flags: { limit: number; cursor?: string; json?: boolean }) => {
      const page = await ctx
        .client()
        .listBatches({ limit: flags.limit, cursor: flags.cursor }, { signal: ctx.signal });
      if (flags.json) return ctx.json(page);
      for (const batch of page.data)
        ctx.out(`${batch.id}  ${formatUtc(batch.createdAt)}  ${formatBatchProgress(batch)}`);
      if (page.nextCursor) ctx.note(`More: gtr batches list --cursor ${page.nextCursor}`);
    });

  batches
    .command('get')
    .description('Show a batch and its progress')
    .argument('<id>', 'batch id')
    .option('--json', 'print the batch as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const batch = await ctx.client().getBatch(id, { signal: ctx.signal });
      if (flags.json) return ctx.json(batch);
      ctx.out(formatBatchDetail(batch));
    });

  batches
    .command('watch')
    .description('Follow a batch until it finishes (Ctrl+C stops watching, not the batch)')
    .argument('<id>', 'batch id')
    .action(async (id: string) => {
      const batch = await followBatch(ctx, id);
      if (!batch) {
        ctx.note(detachedNote(id));
        ctx.exitCode = EXIT_INTERRUPTED;
        return;
      }
      ctx.out(formatBatchProgress(batch));
      // Which errors the failed runs had is in the results, not the batch: all-failed exits E_UNKNOWN here.
      ctx.exitCode = exitCodeOfBatch(batch, new Set());
    });

  batches
    .command('cancel')
    .description('Cancel every unfinished run of a batch')
    .argument('<id>', 'batch id')
    .action(async (id: string) => {
      ctx.out(formatBatchProgress(await ctx.client().cancelBatch(id, { signal: ctx.signal })));
    });

  batches
    .command('pause')
    .description('Pause a batch: no new run starts (calls in flight finish) until it is resumed')
    .argument('<id>', 'batch id')
    .action(async (id: string) => {
      ctx.out(formatBatchProgress(await ctx.client().pauseBatch(id, { signal: ctx.signal })));
      ctx.note(`Resume with: gtr batches resume ${id}`);
    });

  batches
    .command('resume')
    .description('Resume a paused batch')
    .argument('<id>', 'batch id')
    .action(async (id: string) => {
      ctx.out(formatBatchProgress(await ctx.client().resumeBatch(id, { signal: ctx.signal })));
    });

  batches
    .command('retry-failed')
    .description('Queue the failed runs of a batch again, with fresh attempts')
    .argument('<id>', 'batch id')
    .action(async (id: string) => {
      const result = await ctx.client().retryFailedBatch(id, { signal: ctx.signal });
      ctx.out(`${result.retried} failed runs queued again`);
      ctx.note(`Follow with: gtr batches watch ${id}`);
    });

  batches
    .command('results')
    .description('Write the results of a batch: one line per input row, in input order')
    .argument('<id>', 'batch id')
    .option(
      '-o, --out <path>',
      'write here (.csv or .jsonl) and the failed rows to <path>.failed.jsonl; default: JSONL on stdout',
    )
    .action(async (id: string, flags: { out?: string }) => {
      const client = ctx.client();
      if (!flags.out) {
        for await (const chunk of client.batchResults(id, { signal: ctx.signal }))
          ctx.out(chunk.replace(/\n$/, ''));
        return;
      }
      const written = await writeBatchResults(client, id, flags.out, ctx.signal);
      ctx.note(
        `Results: ${flags.out}${written.failedFile ? `; ${written.failedRows} failed rows: ${written.failedFile}` : ''}`,
      );
    });
}

function formatBatchDetail(batch: BatchView): string {
  const counts = Object.entries(batch.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
  return [
    `ID        ${batch.id}`,
    `Name      ${batch.name ?? '-'}`,
    `Status    ${batch.status}`,
    `Rows      ${batch.total} (${counts || 'none'})`,
    `Limit     ${batch.concurrency === null ? 'none' : `${batch.concurrency} calls in flight`}`,
    `Tokens    ${batch.usage.totalTokens}`,
    `Cost      ${formatCost(batch.costUsd)}`,
    `Created   ${formatUtc(batch.createdAt)}`,
    `Started   ${formatUtc(batch.startedAt)}`,
    `Finished  ${formatUtc(batch.finishedAt)}`,
    `ETA       ${batch.etaSeconds === null ? '-' : `${batch.etaSeconds}s`}`,
  ].join('\n');
}
