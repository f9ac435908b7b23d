import { z } from 'zod';

/** Largest output schema, as JSON text. */
export const MAX_OUTPUT_SCHEMA_CHARS = 100_000;
/** Deepest nesting of subschemas. */
export const MAX_OUTPUT_SCHEMA_DEPTH = 32;

const TYPES = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];
/** Keywords whose value is one subschema. */
const SCHEMA_KEYWORDS = ['items', 'not'];
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LIST_KEYWORDS = ['anyOf', 'allOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', '$defs', 'definitions', 'patternProperties'];

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON Schema a task's output must match, sent to OpenAI as structured outputs. Checked for
 * shape, not for every rule of the JSON Schema spec: the root is an object schema (`type:
 * "object"`), `type` values are JSON Schema types, subschemas are objects, `required` lists
 * properties that exist. Other keywords (`description`, `enum`, `format`, …) pass through.
 */
export const outputSchemaSchema = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  if (JSON.stringify(schema).length > MAX_OUTPUT_SCHEMA_CHARS) {
    report([], `is longer than ${MAX_OUTPUT_SCHEMA_CHARS} characters of JSON`);
    return;
  }
  if (schema['type'] !== 'object')
    report(['type'], 'must be "object" at the root (structured outputs return an object)');
  checkSubschema(schema, [], 0, report);
});

function checkSubschema(schema: Record<string, unknown>, path: Path, depth: number, report: Report): void {
  if (depth > MAX_OUTPUT_SCHEMA_DEPTH) {
    report(path, `nests deeper than ${MAX_OUTPUT_SCHEMA_DEPTH} levels`);
    return;
  }
  // The root's type is checked on its own, above.
  if (depth > 0) checkType(schema['type'], [...path, 'type'], report);
  checkRequired(schema, path, report);
  for (const keyword of SCHEMA_KEYWORDS) {
    if (keyword in schema) checkChild(schema[keyword], [...path, keyword], depth, report);
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    if (!(keyword in schema)) continue;
    const list = schema[keyword];
    if (!Array.isArray(list) || list.length === 0) {
      report([...path, keyword], 'must be a non-empty array of schemas');
      continue;
    }
    list.forEach((child, i) => checkChild(child, [...path, keyword, i], depth, report));
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    if (!(keyword in schema)) continue;
    const map = schema[keyword];
    if (!isObject(map)) {
      report([...path, keyword], 'must be an object of schemas');
      continue;
    }
    for (const [name, child] of Object.entries(map))
      checkChild(child, [...path, keyword, name], depth, report);
  }
  const additional = schema['additionalProperties'];
  if (additional !== undefined && typeof additional !== 'boolean') {
    checkChild(additional, [...path, 'additionalProperties'], depth, report);
  }
  if ('enum' in schema && (!Array.isArray(schema['enum']) || schema['enum'].length === 0)) {
    report([...path, 'enum'], 'must be a non-empty array');
  }
  if ('$ref' in schema && typeof schema['$ref'] !== 'string') report([...path, '$ref'], 'must be a string');
}

function checkChild(child: unknown, path: Path, depth: number, report: Report): void {
  if (!isObject(child)) {
    report(path, 'must be a schema (a JSON object)');
    return;
  }
  checkSubschema(child, path, depth + 1, report);
}

function checkType(type: unknown, path: Path, report: Report): void {
  if (type === undefined) return;
  const types = Array.isArray(type) ? type : [type];
  if (types.length === 0 || !types.every((t) => typeof t === 'string' && TYPES.includes(t))) {
    report(path, `must be one of ${TYPES.join(', ')} (or a non-empty array of them)`);
  }
}

function checkRequired(schema: Record<string, unknown>, path: Path, report: Report): void {
  if (!('required' in schema)) return;
  const required = schema['required'];
  if (!Array.isArray(required) || !required.every((name) => typeof name === 'string')) {
    report([...path, 'required'], 'must be an array of property names');
    return;
  }
  const properties = schema['properties'];
  if (!isObject(properties)) return;
  required.forEach((name: string, i) => {
    if (!Object.prototype.hasOwnProperty.call(properties, name)) {
      report([...path, 'required', i], `names "${name}", which is not in properties`);
    }
  });
}
