/**
 * Serialises a value for a `$n::jsonb` parameter. `pg` would send a JS array as a Postgres
 * array literal, so jsonb values always go as JSON text. `undefined` and `null` become SQL NULL.
 */
export function toJsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
