import { type Command } from 'commander';
import { taskRefOption } from '../args/task-ref-option';
import { varOption } from '../args/var-option';

/** Adds the flags that say what a schedule starts (see `targetFromFlags`). */
export function addScheduleTargetOptions(command: Command): Command {
  return command
    .option(
      '--task <name[@version]>',
      'run this task (its latest version, or the pinned one) at each fire; with -i, the task the rows fill',
      taskRefOption('--task'),
    )
    .option('--var <key=value>', 'a task input variable (repeatable)', varOption('--var'))
    .option('--prompt <text>', 'run this prompt at each fire (an ad-hoc run)')
    .option('--system <text>', 'with --prompt: a system message before it')
    .option('-m, --model <model>', 'with --prompt: the model (default: the API default)')
    .option('--provider <name>', 'with --prompt: the provider (default: the API default)')
    .option(
      '-i, --input <file>',
      'run this task file (CSV/JSONL) as a batch at each fire; it is checked and stored on the server now',
    )
    .option(
      '-o, --output <file>',
      "with --input: where `gtr schedule history NAME --results` writes the latest fire's results",
    );
}
