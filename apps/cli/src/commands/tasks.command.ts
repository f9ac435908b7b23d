import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { registerTasksCreateCommand } from './tasks-create.command';
import { registerTasksDeleteCommand } from './tasks-delete.command';
import { registerTasksGetCommand } from './tasks-get.command';
import { registerTasksListCommand } from './tasks-list.command';
import { registerTasksTestCommand } from './tasks-test.command';
import { registerTasksUpdateCommand } from './tasks-update.command';
import { registerTasksVersionsCommand } from './tasks-versions.command';

/** `gtr tasks …`: create, inspect, change, test and delete versioned tasks. */
export function registerTasksCommand(program: Command, ctx: CliContext): void {
  const tasks = program
    .command('tasks')
    .description('Create and manage versioned tasks: templates with {{variables}}');
  registerTasksCreateCommand(tasks, ctx);
  registerTasksListCommand(tasks, ctx);
  registerTasksGetCommand(tasks, ctx);
  registerTasksUpdateCommand(tasks, ctx);
  registerTasksDeleteCommand(tasks, ctx);
  registerTasksVersionsCommand(tasks, ctx);
  registerTasksTestCommand(tasks, ctx);
}
