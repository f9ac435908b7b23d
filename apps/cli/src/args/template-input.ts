import { UsageError } from './usage-error';

/**
 * The template input from `--input` (a JSON object) and `--var key=value` pairs, which win. A
 * dotted key fills a nested object, as templates read it: `--var user.name=Ada` gives
 * `{ user: { name: 'Ada' } }` for `{{user.name}}`.
 * @throws UsageError `E_VALIDATION_TYPE` when a `--var` would replace a value with an object or
 * the reverse (`--var user=Ada --var user.name=Bo`).
 */
export function templateInput(
  input: Record<string, unknown> | undefined,
  vars: Record<string, string> | undefined,
): Record<string, unknown> {
  const result: Record<string, unknown> = structuredClone(input ?? {});
  for (const [key, value] of Object.entries(vars ?? {})) {
    const path = key.split('.');
    let target = result;
    path.slice(0, -1).forEach((segment, i) => {
      const next = target[segment];
      if (next === undefined) target[segment] = {};
      else if (typeof next !== 'object' || next === null || Array.isArray(next))
        throw conflict(key, path.slice(0, i + 1).join('.'));
      target = target[segment] as Record<string, unknown>;
    });
    const last = path[path.length - 1];
    if (typeof target[last] === 'object' && target[last] !== null) throw conflict(key, key);
    target[last] = value;
  }
  return result;
}

function conflict(key: string, at: string): UsageError {
  return new UsageError('E_VALIDATION_TYPE', `--var ${key} conflicts with the value already given for ${at}`);
}
