import { type Command } from 'commander';
import { type CliContext } from '../cli-context';

/** `gtr tasks delete NAME`: the task disappears; its runs keep their versions; the name is free. */
export function registerTasksDeleteCommand(tasks: Command, ctx: CliContext): void {
  tasks
    .command('delete')
    .description('Delete a task (runs keep the versions they used; the name can be reused)')
    .argument('<name>', 'task name')
    .action(async (name: string) => {
      await ctx.client().deleteTask(name, { signal: ctx.signal });
      ctx.out(`${name} deleted`);
    });
}
