import { MAX_OUTPUT_SCHEMA_CHARS, MAX_OUTPUT_SCHEMA_DEPTH, outputSchemaSchema } from './output-schema';

const issuesOf = (schema: unknown) => {
  const result = outputSchemaSchema.safeParse(schema);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the output schema check', () => {
  it('accepts a structured-outputs schema with nesting, refs and enums', () => {
    expect(
      issuesOf({
        type: 'object',
        description: 'A person',
        properties: {
          name: { type: 'string' },
          age: { type: ['integer', 'null'] },
          tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
          home: { $ref: '#/$defs/place' },
          either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        },
        required: ['name', 'age'],
        additionalProperties: false,
        $defs: { place: { type: 'object', properties: { city: { type: 'string' } } } },
      }),
    ).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a root that is not an object schema', { type: 'array' }, 'type: must be "object" at the root'],
    ['a root without a type', { properties: {} }, 'type: must be "object" at the root'],
    [
      'an unknown nested type',
      { type: 'object', properties: { a: { type: 'int' } } },
      'properties.a.type: must be one of',
    ],
    [
      'an empty type list',
      { type: 'object', properties: { a: { type: [] } } },
      'properties.a.type: must be one of',
    ],
    [
      'properties that are not an object',
      { type: 'object', properties: [] },
      'properties: must be an object of schemas',
    ],
    [
      'a property that is not a schema',
      { type: 'object', properties: { a: 'string' } },
      'properties.a: must be a schema',
    ],
    [
      'required that is not a list of names',
      { type: 'object', required: 'a' },
      'required: must be an array of property names',
    ],
    [
      'required naming an unknown property',
      { type: 'object', properties: { a: {} }, required: ['a', 'b'] },
      'required.1: names "b", which is not in properties',
    ],
    [
      'items that are not a schema',
      { type: 'object', properties: { l: { type: 'array', items: true } } },
      'properties.l.items: must be a schema',
    ],
    [
      'an empty anyOf',
      { type: 'object', properties: { a: { anyOf: [] } } },
      'properties.a.anyOf: must be a non-empty array of schemas',
    ],
    [
      'a bad schema inside anyOf',
      { type: 'object', properties: { a: { anyOf: [{ type: 'x' }] } } },
      'properties.a.anyOf.0.type: must be one of',
    ],
    [
      'an empty enum',
      { type: 'object', properties: { a: { enum: [] } } },
      'properties.a.enum: must be a non-empty array',
    ],
    [
      'additionalProperties as a number',
      { type: 'object', additionalProperties: 1 },
      'additionalProperties: must be a schema',
    ],
    [
      'a $ref that is not a string',
      { type: 'object', properties: { a: { $ref: 1 } } },
      'properties.a.$ref: must be a string',
    ],
    ['$defs that are not an object', { type: 'object', $defs: 'x' }, '$defs: must be an object of schemas'],
  ])('rejects %s, naming the path', (_what, schema, issue) => {
    expect(issuesOf(schema).join('\n')).toContain(issue);
  });

  it('accepts additionalProperties as a schema', () => {
    expect(issuesOf({ type: 'object', additionalProperties: { type: 'string' } })).toEqual([]);
  });

  it('rejects a schema nested too deeply', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i <= MAX_OUTPUT_SCHEMA_DEPTH + 1; i++)
      schema = { type: 'object', properties: { x: schema } };
    expect(issuesOf(schema).join('\n')).toContain(`nests deeper than ${MAX_OUTPUT_SCHEMA_DEPTH} levels`);
  });

  it('rejects a schema that is too long', () => {
    expect(issuesOf({ type: 'object', description: 'x'.repeat(MAX_OUTPUT_SCHEMA_CHARS) })).toEqual([
      `: is longer than ${MAX_OUTPUT_SCHEMA_CHARS} characters of JSON`,
    ]);
  });
});
