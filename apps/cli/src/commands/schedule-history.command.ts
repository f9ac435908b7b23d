import { type Command } from 'commander';
import { GtrError, type ScheduleFireView } from '@gtr/domain';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { formatScheduleHistory } from '../output/format-schedule-history';
import { writeBatchResults } from '../write-batch-results';

/** Pages of history `--results` looks through for the latest fire that made a batch. */
const RESULTS_LOOKBACK_PAGES = 5;

interface HistoryFlags {
  limit?: number;
  cursor?: string;
  json?: boolean;
  results?: string | true;
}

/** `gtr schedule history NAME [--results [FILE]]`: handled fire times, newest first. */
export function registerScheduleHistoryCommand(schedules: Command, ctx: CliContext): void {
  schedules
    .command('history')
    .description(
      'Show what each fire time of a schedule did: the run or batch it started, or why it was skipped or failed',
    )
    .argument('<name>', 'schedule name')
    .option('--limit <n>', 'fires per page, 1-500 (default 50)', numberOption('--limit', { integer: true }))
    .option('--cursor <cursor>', 'the next-page cursor printed by the previous page')
    .option(
      '--results [file]',
      "batch schedules: write the latest batch fire's results to FILE (default: the schedule's -o file), its failed rows to FILE.failed.jsonl",
    )
    .option('--json', 'print the page as JSON')
    .action(async (name: string, flags: HistoryFlags) => {
      if (flags.results !== undefined) {
        await writeLatestResults(ctx, name, flags.results);
        return;
      }
      const page = await ctx
        .client()
        .scheduleHistory(name, { limit: flags.limit, cursor: flags.cursor }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(page);
        return;
      }
      if (page.data.length === 0) ctx.note(`${name} has not fired yet.`);
      else ctx.out(formatScheduleHistory(page.data));
      if (page.nextCursor) {
        ctx.note(
          `More: gtr schedule history ${name}${flags.limit === undefined ? '' : ` --limit ${flags.limit}`} --cursor ${page.nextCursor}`,
        );
      }
    });
}

/**
 * Writes the results of the schedule's latest fire that created a batch, as they are now (a batch
 * still running gives the rows finished so far; its status is printed). The scheduler itself
 * writes no files: this command does, when it is run.
 */
async function writeLatestResults(ctx: CliContext, name: string, results: string | true): Promise<void> {
  const client = ctx.client();
  const schedule = await client.getSchedule(name, { signal: ctx.signal });
  const out =
    results === true ? (schedule.target.type === 'batch' ? schedule.target.output : undefined) : results;
  if (!out) {
    throw new GtrError(
      'E_VALIDATION_MISSING_FIELD',
      `Schedule "${name}" has no output file; give one: --results FILE (or create it with -o FILE).`,
    );
  }
  const fire = await latestBatchFire(ctx, name);
  if (!fire?.batchId) {
    throw new GtrError('E_NOT_FOUND', `Schedule "${name}" has no fire that created a batch yet.`);
  }
  const written = await writeBatchResults(client, fire.batchId, out, ctx.signal);
  ctx.out(
    `Results of the fire of ${fire.dueAt} (batch ${fire.batchId}, ${fire.batchStatus ?? 'deleted'}): ${out}${written.failedFile ? `; ${written.failedRows} failed rows: ${written.failedFile}` : ''}`,
  );
}

async function latestBatchFire(ctx: CliContext, name: string): Promise<ScheduleFireView | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < RESULTS_LOOKBACK_PAGES; page++) {
    const { data, nextCursor } = await ctx
      .client()
      .scheduleHistory(name, { limit: 100, cursor }, { signal: ctx.signal });
    const fire = data.find((f) => f.batchId !== null);
    if (fire || !nextCursor) return fire;
    cursor = nextCursor;
  }
  return undefined;
}
