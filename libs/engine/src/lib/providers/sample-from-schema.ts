type Schema = Record<string, unknown>;

/** Deeper than this, a (recursive) schema yields null instead of recursing forever. */
const MAX_DEPTH = 12;

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '1970-01-01T00:00:00.000Z',
  date: '1970-01-01',
  time: '00:00:00Z',
  email: 'dry-run@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/**
 * A deterministic JSON value that satisfies `schema`'s types, required properties, `enum` /
 * `const`, numeric bounds, string lengths and array sizes. Strings are `text` (fitted to the
 * length bounds) or a fixed sample for common formats. `pattern` and `multipleOf` are not honoured.
 * Local `$ref`s (`#/$defs/…`) are followed; `anyOf` / `oneOf` take their first branch.
 */
export function sampleFromSchema(schema: unknown, text: string): unknown {
  return sample(schema, isSchema(schema) ? schema : {}, text, 0);
}

function sample(node: unknown, root: Schema, text: string, depth: number): unknown {
  if (!isSchema(node) || depth > MAX_DEPTH) return null;
  if ('const' in node) return node['const'];
  if (Array.isArray(node['enum']) && node['enum'].length) return node['enum'][0];
  if (typeof node['$ref'] === 'string') return sample(resolveRef(root, node['$ref']), root, text, depth + 1);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches) && branches.length) return sample(branches[0], root, text, depth + 1);
  }
  if (Array.isArray(node['allOf'])) return sample(mergeAllOf(node), root, text, depth + 1);

  switch (typeOf(node)) {
    case 'object':
      return sampleObject(node, root, text, depth);
    case 'array':
      return sampleArray(node, root, text, depth);
    case 'string':
      return sampleString(node, text);
    case 'integer':
      return sampleNumber(node, true);
    case 'number':
      return sampleNumber(node, false);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function typeOf(node: Schema): string | null {
  const type = node['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? 'null';
  if (isSchema(node['properties'])) return 'object';
  if (node['items'] !== undefined || node['prefixItems'] !== undefined) return 'array';
  return null;
}

function sampleObject(node: Schema, root: Schema, text: string, depth: number): Record<string, unknown> {
  const properties = isSchema(node['properties']) ? node['properties'] : {};
  const out: Record<string, unknown> = {};
  // Every declared property, not only the required ones: strict structured outputs require them all.
  for (const [key, child] of Object.entries(properties)) out[key] = sample(child, root, text, depth + 1);
  const required = Array.isArray(node['required']) ? node['required'] : [];
  for (const key of required) if (typeof key === 'string' && !(key in out)) out[key] = null;
  return out;
}

function sampleArray(node: Schema, root: Schema, text: string, depth: number): unknown[] {
  const prefix = Array.isArray(node['prefixItems']) ? node['prefixItems'] : [];
  const min = numberOr(node['minItems'], 0);
  const max = numberOr(node['maxItems'], Infinity);
  const length = Math.min(Math.max(min, prefix.length, 1), max);
  return Array.from({ length }, (_, i) =>
    sample(i < prefix.length ? prefix[i] : node['items'], root, text, depth + 1),
  );
}

function sampleString(node: Schema, text: string): string {
  const format = typeof node['format'] === 'string' ? FORMAT_SAMPLES[node['format']] : undefined;
  const base = format ?? text;
  const min = numberOr(node['minLength'], 0);
  const max = numberOr(node['maxLength'], Infinity);
  return base.padEnd(min, '.').slice(0, max);
}

function sampleNumber(node: Schema, integer: boolean): number {
  const minimum = numberOr(node['minimum'], -Infinity);
  const maximum = numberOr(node['maximum'], Infinity);
  const exclusiveMinimum = numberOr(node['exclusiveMinimum'], -Infinity);
  const exclusiveMaximum = numberOr(node['exclusiveMaximum'], Infinity);
  if (integer) {
    const lo = Math.max(Math.ceil(minimum), Math.floor(exclusiveMinimum) + 1);
    const hi = Math.min(Math.floor(maximum), Math.ceil(exclusiveMaximum) - 1);
    return clamp(0, lo, hi);
  }
  const lo = Math.max(minimum, exclusiveMinimum);
  const hi = Math.min(maximum, exclusiveMaximum);
  const value = clamp(0, lo, hi);
  if (value > exclusiveMinimum && value < exclusiveMaximum) return value;
  // 0 was pulled onto an exclusive bound: step inside the range.
  if (Number.isFinite(lo) && Number.isFinite(hi)) return (lo + hi) / 2;
  return value === exclusiveMinimum ? value + 1 : value - 1;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(Math.max(value, lo), hi);
}

function mergeAllOf(node: Schema): Schema {
  const { allOf, ...rest } = node;
  const parts = (allOf as unknown[]).filter(isSchema);
  const merged: Schema = { ...rest };
  const properties: Schema = isSchema(rest['properties']) ? { ...rest['properties'] } : {};
  const required = new Set<unknown>(Array.isArray(rest['required']) ? rest['required'] : []);
  for (const part of parts) {
    Object.assign(merged, part);
    if (isSchema(part['properties'])) Object.assign(properties, part['properties']);
    if (Array.isArray(part['required'])) part['required'].forEach((k) => required.add(k));
  }
  if (Object.keys(properties).length) merged['properties'] = properties;
  if (required.size) merged['required'] = [...required];
  return merged;
}

function resolveRef(root: Schema, ref: string): unknown {
  if (!ref.startsWith('#')) return null;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[key] : undefined;
  }
  return node;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
