/** Wraps anything thrown into an Error, so callers always get a message. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
