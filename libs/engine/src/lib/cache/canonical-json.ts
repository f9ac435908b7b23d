/**
 * JSON text of `value` that depends only on its content: object keys are sorted (by UTF-16 code
 * units, at every depth), array order is kept, and properties whose value is `undefined` are left
 * out exactly as `JSON.stringify` leaves them out. Two values that `JSON.stringify` would turn
 * into equal objects give equal text, whatever order their keys were written in.
 *
 * @throws TypeError for what JSON cannot represent faithfully: non-finite numbers, bigints,
 * functions, symbols and cycles (a cache key must never be built from a lossy form).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, ancestors);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

function writeObject(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new TypeError('canonicalJson: the value contains a cycle');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      // JSON.stringify writes undefined array items as null; so do we, so positions stay put.
      return `[${value.map((item) => (item === undefined ? 'null' : write(item, ancestors))).join(',')}]`;
    }
    const json = (value as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') return write(json.call(value), ancestors);
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], ancestors)}`);
    return `{${entries.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
