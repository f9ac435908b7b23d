import { UsageError } from './usage-error';

/** A commander parser for a flag that takes one of a few words. */
export function choiceOption<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new UsageError('E_VALIDATION_TYPE', `${flag} must be one of ${choices.join(', ')}; got ${value}`);
  };
}
