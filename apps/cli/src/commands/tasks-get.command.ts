import { type Command } from 'commander';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { formatTaskDetail } from '../output/format-task-detail';

/** `gtr tasks get NAME [--version N]`: one version of a task with its template. */
export function registerTasksGetCommand(tasks: Command, ctx: CliContext): void {
  tasks
    .command('get')
    .description('Show a task (its latest version, or --version) with its messages template')
    .argument('<name>', 'task name')
    .option('--version <n>', 'a version other than the latest', numberOption('--version', { integer: true }))
    .option('--json', 'print the task as JSON')
    .action(async (name: string, flags: { version?: number; json?: boolean }) => {
      const task = await ctx.client().getTask(name, flags.version, { signal: ctx.signal });
      if (flags.json) ctx.json(task);
      else ctx.out(formatTaskDetail(task));
    });
}
