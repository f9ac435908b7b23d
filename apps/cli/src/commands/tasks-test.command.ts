import { type Command } from 'commander';
import { jsonObjectOption } from '../args/json-object-option';
import { numberOption } from '../args/number-option';
import { templateInput } from '../args/template-input';
import { varOption } from '../args/var-option';
import { type CliContext } from '../cli-context';
import { followRun } from '../follow-run';
import { formatMessages } from '../output/format-messages';

interface TestFlags {
  var?: Record<string, string>;
  input?: Record<string, unknown>;
  version?: number;
  json?: boolean;
}

/**
 * `gtr tasks test NAME --var k=v …`: renders the task, shows the messages (stderr) and waits
 * for the answer, exactly like `gtr run --wait`.
 */
export function registerTasksTestCommand(tasks: Command, ctx: CliContext): void {
  tasks
    .command('test')
    .description('Render a task with variables, run it and wait for the answer')
    .argument('<name>', 'task name')
    .option(
      '--var <key=value>',
      'a template variable; dots nest: user.name=Ada (repeatable)',
      varOption('--var'),
    )
    .option('--input <json>', 'template variables as a JSON object (--var wins)', jsonObjectOption('--input'))
    .option('--version <n>', 'a version other than the latest', numberOption('--version', { integer: true }))
    .option('--json', 'print { renderedMessages, run } as JSON, the run once finished')
    .action(async (name: string, flags: TestFlags) => {
      const input = templateInput(flags.input, flags.var);
      const { renderedMessages, run } = await ctx.client().testTask(name, input, {
        ...(flags.version !== undefined && { version: flags.version }),
        signal: ctx.signal,
      });
      if (flags.json) {
        ctx.exitCode = await followRun(ctx, run.id, {
          json: true,
          jsonOf: (finished) => ({ renderedMessages, run: finished }),
        });
        return;
      }
      ctx.err(formatMessages(renderedMessages) + '\n');
      ctx.exitCode = await followRun(ctx, run.id, { json: false });
    });
}
