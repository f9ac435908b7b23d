import { type Command } from 'commander';
import { type CliContext } from '../cli-context';

/** `gtr runs cancel ID`: cancels a run that has not finished. */
export function registerRunsCancelCommand(runs: Command, ctx: CliContext): void {
  runs
    .command('cancel')
    .description('Cancel a run that has not finished')
    .argument('<id>', 'run id')
    .option('--json', 'print the cancelled run as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const run = await ctx.client().cancelRun(id, { signal: ctx.signal });
      if (flags.json) ctx.json(run);
      else ctx.out(`${run.id} ${run.status}`);
    });
}
