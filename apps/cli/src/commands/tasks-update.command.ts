import { type Command } from 'commander';
import {
  addTaskDefinitionOptions,
  type TaskDefinitionFlags,
  taskFieldsFromFlags,
} from '../args/task-definition-flags';
import { UsageError } from '../args/usage-error';
import { type CliContext } from '../cli-context';

/** `gtr tasks update NAME [...]`: the given flags become the task's next version. */
export function registerTasksUpdateCommand(tasks: Command, ctx: CliContext): void {
  addTaskDefinitionOptions(
    tasks
      .command('update')
      .description('Change a task: the given flags make a new version; the rest is kept')
      .argument('<name>', 'task name'),
  )
    .option('--json', 'print the new version as JSON')
    .action(async (name: string, flags: TaskDefinitionFlags & { json?: boolean }) => {
      const patch = await taskFieldsFromFlags(flags);
      if (Object.keys(patch).length === 0) {
        throw new UsageError(
          'E_VALIDATION_MISSING_FIELD',
          'give at least one flag to change, e.g. --model or --prompt',
        );
      }
      const task = await ctx.client().updateTask(name, patch, { signal: ctx.signal });
      if (flags.json) ctx.json(task);
      else ctx.out(`${task.name} v${task.version}`);
    });
}
