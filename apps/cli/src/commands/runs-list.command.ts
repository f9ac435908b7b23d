import { type Command } from 'commander';
import { type RunStatus } from '@gtr/domain';
import { numberOption } from '../args/number-option';
import { statusListOption } from '../args/status-list-option';
import { type CliContext } from '../cli-context';
import { formatRunsTable } from '../output/format-runs-table';

interface ListFlags {
  status?: RunStatus[];
  limit?: number;
  cursor?: string;
  json?: boolean;
}

/** `gtr runs list`: one page of runs, newest first. */
export function registerRunsListCommand(runs: Command, ctx: CliContext): void {
  runs
    .command('list')
    .description('List runs, newest first')
    .option(
      '--status <statuses>',
      'only runs with these statuses, comma-separated',
      statusListOption('--status'),
    )
    .option('--limit <n>', 'runs per page, 1-500 (default 50)', numberOption('--limit', { integer: true }))
    .option('--cursor <cursor>', 'the next-page cursor printed by the previous page')
    .option('--json', 'print the page as JSON')
    .action(async (flags: ListFlags) => {
      const page = await ctx
        .client()
        .listRuns({ status: flags.status, limit: flags.limit, cursor: flags.cursor }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(page);
        return;
      }
      if (page.data.length === 0) ctx.note('No runs.');
      else ctx.out(formatRunsTable(page.data));
      if (page.nextCursor) ctx.note(`More: ${nextPageCommand(flags, page.nextCursor)}`);
    });
}

/** The command that prints the next page with the same filters. */
export function nextPageCommand(flags: ListFlags, cursor: string): string {
  const args = ['gtr runs list'];
  if (flags.status?.length) args.push(`--status ${flags.status.join(',')}`);
  if (flags.limit !== undefined) args.push(`--limit ${flags.limit}`);
  args.push(`--cursor ${cursor}`);
  return args.join(' ');
}
