import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { formatZonedTime } from '../output/format-zoned-time';

/** `gtr schedule enable NAME` (when `enable`) or `gtr schedule disable NAME`. */
export function registerScheduleEnableCommand(schedules: Command, ctx: CliContext, enable: boolean): void {
  schedules
    .command(enable ? 'enable' : 'disable')
    .description(enable ? 'Resume a schedule from its next fire time after now' : 'Pause a schedule')
    .argument('<name>', 'schedule name')
    .option('--json', 'print the schedule as JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      const client = ctx.client();
      const options = { signal: ctx.signal };
      const schedule = enable
        ? await client.enableSchedule(name, options)
        : await client.disableSchedule(name, options);
      if (flags.json) ctx.json(schedule);
      else if (schedule.enabled)
        ctx.out(`${schedule.name} enabled; next fire ${formatZonedTime(schedule.nextFireAt)}`);
      else ctx.out(`${schedule.name} paused`);
    });
}
