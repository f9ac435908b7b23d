import { type Command } from 'commander';
import { numberOption } from '../args/number-option';
import { type CliContext } from '../cli-context';
import { formatNextFires } from '../output/format-next-fires';

/** `gtr schedule next NAME [--count N]`: the coming fire times, UTC and local. */
export function registerScheduleNextCommand(schedules: Command, ctx: CliContext): void {
  schedules
    .command('next')
    .description('Show the coming fire times of a schedule, in UTC and in its time zone')
    .argument('<name>', 'schedule name')
    .option('-c, --count <n>', 'how many, 1-100 (default 5)', numberOption('--count', { integer: true }))
    .option('--json', 'print the answer as JSON')
    .action(async (name: string, flags: { count?: number; json?: boolean }) => {
      const next = await ctx.client().nextScheduleFires(name, { count: flags.count }, { signal: ctx.signal });
      if (flags.json) {
        ctx.json(next);
        return;
      }
      if (!next.enabled) ctx.note(`${next.name} is paused; it fires at these times once enabled now.`);
      ctx.out(formatNextFires(next.fires, next.timezone));
    });
}
