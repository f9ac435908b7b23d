import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { registerRunsCancelCommand } from './runs-cancel.command';
import { registerRunsGetCommand } from './runs-get.command';
import { registerRunsListCommand } from './runs-list.command';
import { registerRunsWatchCommand } from './runs-watch.command';

/** `gtr runs …`: list, get, cancel and watch runs. */
export function registerRunsCommand(program: Command, ctx: CliContext): void {
  const runs = program.command('runs').description('List, inspect, cancel and watch runs');
  registerRunsListCommand(runs, ctx);
  registerRunsGetCommand(runs, ctx);
  registerRunsCancelCommand(runs, ctx);
  registerRunsWatchCommand(runs, ctx);
}
