import { Command, CommanderError } from 'commander';
import { errorInfo, GtrError } from '@gtr/domain';
import { UsageError } from './args/usage-error';
import { CliContext } from './cli-context';
import { type CliDeps } from './cli-deps';
import { registerBatchesCommand } from './commands/batches.command';
import { registerRunCommand } from './commands/run.command';
import { registerRunsCommand } from './commands/runs.command';
import { registerScheduleCommand } from './commands/schedule.command';
import { registerTasksCommand } from './commands/tasks.command';
import { registerUsageCommand } from './commands/usage.command';
import { registerValidateCommand } from './commands/validate.command';
import { registerWhoamiCommand } from './commands/whoami.command';
import { codeOfUsageError, EXIT_INTERRUPTED, EXIT_OK, exitCodeOfError, isAbortError } from './exit-codes';
import { formatError, toPrintableError } from './output/format-error';

/** The `gtr` program, ready to run against the given client factory and streams. */
export interface CliProgram {
  command: Command;
  /** Runs one command line (without `node gtr`) and resolves with the exit code. Never rejects. */
  run(argv: readonly string[]): Promise<number>;
}

export function buildProgram(deps: CliDeps): CliProgram {
  const ctx = new CliContext(deps);
  const program = new Command('gtr')
    .description('GPT Task Runner: create and follow LLM runs through the gtr API')
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
      // Usage errors are printed by `run` below, in the same format as every other error.
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nEnvironment: GTR_API_URL, GTR_API_KEY, GTR_DATA_DIR. Docs: docs/cli.md');
  // Subcommands made with .command() inherit the output and exit settings above.
  registerRunCommand(program, ctx);
  registerRunsCommand(program, ctx);
  registerBatchesCommand(program, ctx);
  registerTasksCommand(program, ctx);
  registerScheduleCommand(program, ctx);
  registerUsageCommand(program, ctx);
  registerWhoamiCommand(program, ctx);
  registerValidateCommand(program, ctx);

  return {
    command: program,
    run: async (argv) => {
      try {
        await program.parseAsync([...argv], { from: 'user' });
        return ctx.exitCode;
      } catch (error) {
        return report(ctx, error);
      }
    },
  };
}

function report(ctx: CliContext, thrown: unknown): number {
  let error = thrown;
  if (error instanceof CommanderError) {
    // Help and version end here too; commander already printed them.
    if (error.exitCode === 0) return EXIT_OK;
    if (error.code === 'commander.help') return errorInfo('E_VALIDATION').exitCode;
    error = new UsageError(codeOfUsageError(error.code), error.message.replace(/^error: /, ''));
  }
  if (isAbortError(error) || ctx.signal?.aborted) {
    ctx.note('Interrupted.');
    return EXIT_INTERRUPTED;
  }
  const hints =
    error instanceof GtrError && error.code === 'E_AUTH' && ctx.keySource()
      ? [`The key in use came from ${ctx.keySource()}.`]
      : [];
  ctx.err(formatError(toPrintableError(error), ctx.secrets(), hints));
  return exitCodeOfError(error);
}
