import { type Command } from 'commander';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { formatTaskVersionsTable } from '../output/format-task-versions-table';

/** `gtr tasks versions NAME`: a task's versions, newest first. */
export function registerTasksVersionsCommand(tasks: Command, ctx: CliContext): void {
  tasks
    .command('versions')
    .description("List a task's versions, newest first")
    .argument('<name>', 'task name')
    .option(
      '--limit <n>',
      'versions per page, 1-500 (default 50)',
      numberOption('--limit', { integer: true }),
    )
    .option('--cursor <cursor>', 'the next-page cursor printed by the previous page')
    .option('--json', 'print the page as JSON')
    .action(async (name: string, flags: { limit?: number; cursor?: string; json?: boolean }) => {
      const page = await ctx
        .client()
        .listTaskVersions(name, { limit: flags.limit, cursor: flags.cursor }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(page);
        return;
      }
      ctx.out(formatTaskVersionsTable(page.data));
      if (page.nextCursor) {
        ctx.note(
          `More: gtr tasks versions ${name}${flags.limit === undefined ? '' : ` --limit ${flags.limit}`} --cursor ${page.nextCursor}`,
        );
      }
    });
}
