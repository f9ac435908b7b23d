import { type Command } from 'commander';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { formatScheduleHistory } from '../output/format-schedule-history';

/** `gtr schedule history NAME`: handled fire times, newest first. */
export function registerScheduleHistoryCommand(schedules: Command, ctx: CliContext): void {
  schedules
    .command('history')
    .description(
      'Show what each fire time of a schedule did: the run it started, or why it was skipped or failed',
    )
    .argument('<name>', 'schedule name')
    .option('--limit <n>', 'fires per page, 1-500 (default 50)', numberOption('--limit', { integer: true }))
    .option('--cursor <cursor>', 'the next-page cursor printed by the previous page')
    .option('--json', 'print the page as JSON')
    .action(async (name: string, flags: { limit?: number; cursor?: string; json?: boolean }) => {
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
