import { UsageError } from './usage-error';

/** A task, optionally pinned to a version. */
export interface TaskRef {
  task: string;
  version?: number;
}

/** A commander parser for `--task NAME` or `--task NAME@VERSION`. */
export function taskRefOption(flag: string): (value: string) => TaskRef {
  return (value) => {
    const match = /^([^@\s]+)(?:@(\d+))?$/.exec(value.trim());
    if (!match || (match[2] !== undefined && Number(match[2]) < 1)) {
      throw new UsageError(
        'E_VALIDATION_TYPE',
        `${flag} must be a task name, optionally with @version, e.g. ${flag} summarize@2`,
      );
    }
    return match[2] === undefined ? { task: match[1] } : { task: match[1], version: Number(match[2]) };
  };
}
