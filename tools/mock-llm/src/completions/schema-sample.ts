/** The subset of JSON Schema the mock can satisfy. */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
}

const MAX_DEPTH = 16;

const FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00.000Z',
  date: '2024-01-01',
  time: '00:00:00',
  email: 'mock@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function asSchema(value: unknown): Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : {};
}

function resolveRef(root: unknown, ref: string): Schema {
  if (!ref.startsWith('#')) return {};
  const path = ref.slice(1).split('/').filter(Boolean);
  let node: unknown = root;
  for (const raw of path) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return asSchema(node);
}

function list<T>(value: T[] | undefined): T[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

function typeOf(schema: Schema): string {
  const declared = Array.isArray(schema.type)
    ? (schema.type.find((type) => type !== 'null') ?? 'null')
    : schema.type;
  if (declared) return declared;
  if (schema.properties) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  return 'string';
}

function sampleString(schema: Schema, text: string): string {
  let value = (schema.format && FORMATS[schema.format]) ?? text;
  if (schema.minLength !== undefined && value.length < schema.minLength)
    value = value.padEnd(schema.minLength, '.');
  if (schema.maxLength !== undefined) value = value.slice(0, schema.maxLength);
  return value;
}

function sampleNumber(schema: Schema, text: string, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const low = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : schema.minimum;
  const high = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : schema.maximum;
  let value = text.length;
  if (low !== undefined) value = Math.max(value, integer ? Math.ceil(low) : low);
  if (high !== undefined) value = Math.min(value, integer ? Math.floor(high) : high);
  return value;
}

/**
 * Builds a value that satisfies `schema` (objects with every property, arrays of
 * `minItems` or one item, enums, consts, formats, length and range bounds, local `$ref`s,
 * `anyOf`/`oneOf`/`allOf`). Strings carry `text`, so the output still depends on the prompt.
 * Patterns are not honoured.
 */
export function sampleFromSchema(schema: unknown, text: string, root: unknown = schema, depth = 0): unknown {
  const node = asSchema(schema);
  if (depth > MAX_DEPTH) return null;
  const next = (child: unknown) => sampleFromSchema(child, text, root, depth + 1);
  if (typeof node.$ref === 'string') return next(resolveRef(root, node.$ref));
  if ('const' in node) return node.const;
  const enumValues = list(node.enum);
  if (enumValues) return enumValues[0];
  const choices = list(node.anyOf) ?? list(node.oneOf);
  if (choices) return next(choices.find((choice) => asSchema(choice).type !== 'null') ?? choices[0]);
  const parts = list(node.allOf);
  if (parts) {
    const merged = parts
      .map(asSchema)
      .reduce<Schema>(
        (all, part) => ({ ...all, ...part, properties: { ...all.properties, ...part.properties } }),
        { ...node, allOf: undefined },
      );
    return next(merged);
  }
  switch (typeOf(node)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(asSchema(node.properties)).map(([key, child]) => [key, next(child)]),
      );
    case 'array': {
      if (Array.isArray(node.prefixItems)) return node.prefixItems.map(next);
      const count = node.maxItems === 0 ? 0 : Math.max(1, node.minItems ?? 1);
      const items = Array.isArray(node.items) ? node.items[0] : node.items;
      return Array.from({ length: count }, () => next(items ?? {}));
    }
    case 'integer':
      return sampleNumber(node, text, true);
    case 'number':
      return sampleNumber(node, text, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(node, text);
  }
}
