import { type Command } from 'commander';
import { type CliContext } from '../cli-context';
import { followRun } from '../follow-run';

/** `gtr runs watch ID`: waits for an existing run, like `gtr run --wait`. */
export function registerRunsWatchCommand(runs: Command, ctx: CliContext): void {
  runs
    .command('watch')
    .description('Wait for a run to finish and print its answer')
    .argument('<id>', 'run id')
    .option('--json', 'print the finished run as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      ctx.exitCode = await followRun(ctx, id, { json: flags.json === true });
    });
}
