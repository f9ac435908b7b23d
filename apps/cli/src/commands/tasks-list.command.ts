import { type Command } from 'commander';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { formatTasksTable } from '../output/format-tasks-table';

interface ListFlags {
  tag?: string[];
  limit?: number;
  cursor?: string;
  json?: boolean;
}

/** `gtr tasks list`: one page of tasks, by name. */
export function registerTasksListCommand(tasks: Command, ctx: CliContext): void {
  tasks
    .command('list')
    .description('List tasks by name, with their latest version')
    .option(
      '--tag <tag>',
      'only tasks with this tag (repeatable: all of them)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--limit <n>', 'tasks per page, 1-500 (default 50)', numberOption('--limit', { integer: true }))
    .option('--cursor <cursor>', 'the next-page cursor printed by the previous page')
    .option('--json', 'print the page as JSON')
    .action(async (flags: ListFlags) => {
      const page = await ctx
        .client()
        .listTasks({ tag: flags.tag, limit: flags.limit, cursor: flags.cursor }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(page);
        return;
      }
      if (page.data.length === 0) ctx.note('No tasks.');
      else ctx.out(formatTasksTable(page.data));
      if (page.nextCursor) ctx.note(`More: ${nextPageCommand(flags, page.nextCursor)}`);
    });
}

function nextPageCommand(flags: ListFlags, cursor: string): string {
  const args = ['gtr tasks list'];
  for (const tag of flags.tag ?? []) args.push(`--tag ${tag}`);
  if (flags.limit !== undefined) args.push(`--limit ${flags.limit}`);
  args.push(`--cursor ${cursor}`);
  return args.join(' ');
}
