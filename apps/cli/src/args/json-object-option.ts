import { UsageError } from './usage-error';

/** A commander parser for a flag that takes a JSON object, e.g. `--metadata '{"team":"a"}'`. */
export function jsonObjectOption(flag: string): (value: string) => Record<string, unknown> {
  return (value) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new UsageError('E_VALIDATION_TYPE', `${flag} must be a JSON object, e.g. '{"team":"search"}'`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UsageError('E_VALIDATION_TYPE', `${flag} must be a JSON object, e.g. '{"team":"search"}'`);
    }
    return parsed as Record<string, unknown>;
  };
}
