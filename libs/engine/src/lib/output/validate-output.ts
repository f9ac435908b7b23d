import Ajv, { type ValidateFunction } from 'ajv';

const ajv = new Ajv({ strict: false, allErrors: false });
/** Compiled validators by schema text; tasks reuse a handful of schemas, so this stays small. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

/**
 * Checks a parsed model answer against the run's output JSON Schema. Returns null when it
 * matches, else the first problem as `<json path> <reason>` (e.g. `/score must be number`).
 * A schema that does not compile is reported as such rather than thrown.
 */
export function outputProblem(schema: Record<string, unknown>, value: unknown): string | null {
  const text = JSON.stringify(schema);
  let validate = compiled.get(text);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      return `the output schema is invalid: ${(error as Error).message}`;
    }
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(text, validate);
  }
  if (validate(value)) return null;
  const first = validate.errors?.[0];
  return first ? `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}` : 'does not match';
}
