import { type Command } from 'commander';
import { type CliContext } from '../cli-context';

/** `gtr schedule delete NAME`: the schedule and its history; its runs stay. */
export function registerScheduleDeleteCommand(schedules: Command, ctx: CliContext): void {
  schedules
    .command('delete')
    .description('Delete a schedule and its history (the runs it started stay)')
    .argument('<name>', 'schedule name')
    .action(async (name: string) => {
      await ctx.client().deleteSchedule(name, { signal: ctx.signal });
      ctx.out(`${name} deleted`);
    });
}
