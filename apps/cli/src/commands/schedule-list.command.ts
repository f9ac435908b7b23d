import { type Command } from 'commander';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { formatSchedulesTable } from '../output/format-schedules-table';

/** `gtr schedule list`: one page of schedules, by name. */
export function registerScheduleListCommand(schedules: Command, ctx: CliContext): void {
  schedules
    .command('list')
    .description('List schedules by name')
    .option(
      '--limit <n>',
      'schedules per page, 1-500 (default 50)',
      numberOption('--limit', { integer: true }),
    )
    .option('--cursor <cursor>', 'the next-page cursor printed by the previous page')
    .option('--json', 'print the page as JSON')
    .action(async (flags: { limit?: number; cursor?: string; json?: boolean }) => {
      const page = await ctx
        .client()
        .listSchedules({ limit: flags.limit, cursor: flags.cursor }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(page);
        return;
      }
      if (page.data.length === 0) ctx.note('No schedules.');
      else ctx.out(formatSchedulesTable(page.data));
      if (page.nextCursor) {
        ctx.note(
          `More: gtr schedule list${flags.limit === undefined ? '' : ` --limit ${flags.limit}`} --cursor ${page.nextCursor}`,
        );
      }
    });
}
