const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID, so a malformed id finds nothing instead of failing the query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
