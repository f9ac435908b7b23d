import { type ScheduleTarget } from '@gtr/domain';
import { type TaskRef } from './task-ref-option';
import { UsageError } from './usage-error';

/** The flags of `gtr schedule add|update` that say what a schedule starts. */
export interface ScheduleTargetFlags {
  task?: TaskRef;
  var?: Record<string, string>;
  prompt?: string;
  system?: string;
  model?: string;
  provider?: string;
  input?: string;
  output?: string;
}

/** Stands for the id of the task file `-i` names until it is uploaded (dry runs show it). */
export const PENDING_TASK_FILE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The target the flags describe, or undefined when they name none. At most one of `--task`,
 * `--prompt` and `-i/--input`, except that `--task` with `-i` names the task the file's rows
 * fill; `--var` goes with `--task` alone, `--system`/`--model`/`--provider` with `--prompt`,
 * `-o/--output` with `-i/--input`. A batch target names `taskFile` (default
 * {@link PENDING_TASK_FILE_ID}, for checking the flags before the file is uploaded).
 */
export function targetFromFlags(
  flags: ScheduleTargetFlags,
  taskFile: string = PENDING_TASK_FILE_ID,
): ScheduleTarget | undefined {
  const given = [
    flags.task && flags.input === undefined && '--task',
    flags.prompt !== undefined && '--prompt',
    flags.input !== undefined && (flags.task ? '--input with --task' : '--input'),
  ].filter((flag): flag is string => typeof flag === 'string');
  if (given.length > 1)
    throw new UsageError('E_VALIDATION', `${given.join(' and ')} cannot be combined; give one target`);
  requireWith(flags.var !== undefined, '--var', flags.task !== undefined, '--task');
  if (flags.var !== undefined && flags.input !== undefined) {
    throw new UsageError('E_VALIDATION', '--var cannot be combined with --input: the rows are the variables');
  }
  for (const [set, flag] of [
    [flags.system, '--system'],
    [flags.model, '--model'],
    [flags.provider, '--provider'],
  ] as const) {
    requireWith(set !== undefined, flag, flags.prompt !== undefined, '--prompt');
  }
  requireWith(flags.output !== undefined, '--output', flags.input !== undefined, '--input');
  if (flags.input !== undefined) {
    return {
      type: 'batch',
      taskFile,
      ...(flags.task && { task: flags.task.task }),
      ...(flags.task?.version && { version: flags.task.version }),
      ...(flags.output !== undefined && { output: flags.output }),
    };
  }
  if (flags.task) {
    return {
      type: 'task',
      task: flags.task.task,
      ...(flags.task.version && { version: flags.task.version }),
      input: flags.var ?? {},
    };
  }
  if (flags.prompt !== undefined) {
    return {
      type: 'prompt',
      prompt: flags.prompt,
      ...(flags.system !== undefined && { system: flags.system }),
      ...(flags.model !== undefined && { model: flags.model }),
      ...(flags.provider !== undefined && { provider: flags.provider }),
    };
  }
  return undefined;
}

function requireWith(isSet: boolean, flag: string, hasPartner: boolean, partner: string): void {
  if (isSet && !hasPartner) throw new UsageError('E_VALIDATION', `${flag} needs ${partner}`);
}
