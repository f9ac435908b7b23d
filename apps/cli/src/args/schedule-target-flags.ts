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

/**
 * The target the flags describe, or undefined when they name none. At most one of `--task`,
 * `--prompt` and `-i/--input`; `--var` goes with `--task`, `--system`/`--model`/`--provider`
 * with `--prompt`, `-o/--output` with `-i/--input`.
 */
export function targetFromFlags(flags: ScheduleTargetFlags): ScheduleTarget | undefined {
  const given = [
    flags.task && '--task',
    flags.prompt !== undefined && '--prompt',
    flags.input !== undefined && '--input',
  ].filter((flag): flag is string => typeof flag === 'string');
  if (given.length > 1)
    throw new UsageError('E_VALIDATION', `${given.join(' and ')} cannot be combined; give one target`);
  requireWith(flags.var !== undefined, '--var', flags.task !== undefined, '--task');
  for (const [set, flag] of [
    [flags.system, '--system'],
    [flags.model, '--model'],
    [flags.provider, '--provider'],
  ] as const) {
    requireWith(set !== undefined, flag, flags.prompt !== undefined, '--prompt');
  }
  requireWith(flags.output !== undefined, '--output', flags.input !== undefined, '--input');
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
  if (flags.input !== undefined) {
    return { type: 'batch', file: flags.input, ...(flags.output !== undefined && { output: flags.output }) };
  }
  return undefined;
}

function requireWith(isSet: boolean, flag: string, hasPartner: boolean, partner: string): void {
  if (isSet && !hasPartner) throw new UsageError('E_VALIDATION', `${flag} needs ${partner}`);
}
