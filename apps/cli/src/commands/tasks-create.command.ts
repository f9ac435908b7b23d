import { type Command } from 'commander';
import {
  addTaskDefinitionOptions,
  type TaskDefinitionFlags,
  taskFieldsFromFlags,
} from '../args/task-definition-flags';
import { UsageError } from '../args/usage-error';
import { type CliContext } from '../cli-context';

/** `gtr tasks create NAME (--prompt TEXT | --messages-file FILE) [...]`: a new task, version 1. */
export function registerTasksCreateCommand(tasks: Command, ctx: CliContext): void {
  addTaskDefinitionOptions(
    tasks
      .command('create')
      .description('Create a task from a prompt template or a messages file')
      .argument('<name>', 'task name: a-z, 0-9, ".", "_", "-"'),
  )
    .option('--json', 'print the task as JSON')
    .action(async (name: string, flags: TaskDefinitionFlags & { json?: boolean }) => {
      if (flags.prompt === undefined && flags.messagesFile === undefined) {
        throw new UsageError(
          'E_VALIDATION_MISSING_FIELD',
          'give the template: --prompt <text> or --messages-file <file>',
        );
      }
      if (flags.prompt !== undefined && flags.messagesFile !== undefined) {
        throw new UsageError('E_VALIDATION', '--prompt and --messages-file cannot be combined');
      }
      const task = await ctx
        .client()
        .createTask({ name, ...(await taskFieldsFromFlags(flags)) }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(task);
        return;
      }
      ctx.out(`${task.name} v${task.version}`);
      ctx.note(task.variables.length ? `Variables: ${task.variables.join(', ')}` : 'No variables.');
    });
}
