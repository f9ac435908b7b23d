import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { formatScheduleDetail } from '../output/format-schedule-detail';

/** `gtr schedule get NAME`. */
export function registerScheduleGetCommand(schedules: Command, ctx: CliContext): void {
  schedules
    .command('get')
    .description('Show a schedule')
    .argument('<name>', 'schedule name')
    .option('--json', 'print the schedule as JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      const schedule = await ctx.client().getSchedule(name, { signal: ctx.signal });
      if (flags.json) ctx.json(schedule);
      else ctx.out(formatScheduleDetail(schedule));
    });
}
