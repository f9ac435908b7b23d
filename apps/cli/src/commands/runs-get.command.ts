import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { formatRunDetail } from '../output/format-run-detail';

/** `gtr runs get ID`: one run with its attempts. */
export function registerRunsGetCommand(runs: Command, ctx: CliContext): void {
  runs
    .command('get')
    .description('Show a run with its attempts and output')
    .argument('<id>', 'run id')
    .option('--json', 'print the run as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const run = await ctx.client().getRun(id, { signal: ctx.signal });
      if (flags.json) ctx.json(run);
      else ctx.out(formatRunDetail(run));
    });
}
