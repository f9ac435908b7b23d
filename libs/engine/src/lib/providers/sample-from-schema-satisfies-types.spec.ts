import { sampleFromSchema } from './sample-from-schema';

const TEXT = 'sample text';

describe('sampleFromSchema builds a value that satisfies the schema', () => {
  it.each<[string, unknown, unknown]>([
    ['string', { type: 'string' }, TEXT],
    ['string with minLength', { type: 'string', minLength: 15 }, 'sample text....'],
    ['string with maxLength', { type: 'string', maxLength: 6 }, 'sample'],
    ['date-time format', { type: 'string', format: 'date-time' }, '1970-01-01T00:00:00.000Z'],
    ['email format', { type: 'string', format: 'email' }, 'dry-run@example.com'],
    ['unknown format', { type: 'string', format: 'hostname' }, TEXT],
    ['integer', { type: 'integer' }, 0],
    ['integer with minimum', { type: 'integer', minimum: 2.5 }, 3],
    ['integer with maximum below 0', { type: 'integer', maximum: -3 }, -3],
    ['integer with exclusiveMinimum', { type: 'integer', exclusiveMinimum: 0 }, 1],
    ['integer with exclusiveMaximum 0', { type: 'integer', exclusiveMaximum: 0 }, -1],
    ['number', { type: 'number' }, 0],
    ['number with minimum', { type: 'number', minimum: 0.5 }, 0.5],
    ['number with exclusive range', { type: 'number', exclusiveMinimum: 0, maximum: 1 }, 0.5],
    ['number with open exclusiveMinimum', { type: 'number', exclusiveMinimum: 0 }, 1],
    ['number with open exclusiveMaximum', { type: 'number', exclusiveMaximum: 0 }, -1],
    ['boolean', { type: 'boolean' }, true],
    ['null', { type: 'null' }, null],
    ['nullable string', { type: ['null', 'string'] }, TEXT],
    ['only null in a type list', { type: ['null'] }, null],
    ['enum', { type: 'string', enum: ['red', 'green'] }, 'red'],
    ['const', { const: 42 }, 42],
    ['array', { type: 'array', items: { type: 'integer' } }, [0]],
    ['array with minItems', { type: 'array', items: { type: 'boolean' }, minItems: 3 }, [true, true, true]],
    ['array with maxItems 0', { type: 'array', items: { type: 'boolean' }, maxItems: 0 }, []],
    ['tuple', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] }, [TEXT, 0]],
    ['array without type', { items: { const: 'x' } }, ['x']],
    ['object without type', { properties: { a: { type: 'boolean' } } }, { a: true }],
    ['anyOf', { anyOf: [{ type: 'integer' }, { type: 'string' }] }, 0],
    ['oneOf', { oneOf: [{ type: 'boolean' }] }, true],
    [
      'allOf',
      {
        allOf: [
          { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
          { properties: { b: { type: 'boolean' } }, required: ['b'] },
        ],
      },
      { a: 0, b: true },
    ],
    ['schema without type', {}, null],
    ['boolean schema', true, null],
  ])('%s', (_what, schema, expected) => {
    expect(sampleFromSchema(schema, TEXT)).toEqual(expected);
  });

  it('fills every declared property and every required one', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        age: { type: 'integer', minimum: 18 },
        address: { type: 'object', properties: { zip: { type: 'string', maxLength: 5 } } },
      },
      required: ['name', 'age', 'extra'],
    };
    expect(sampleFromSchema(schema, TEXT)).toEqual({
      name: TEXT,
      age: 18,
      address: { zip: 'sampl' },
      extra: null,
    });
  });

  it('follows local $refs', () => {
    const schema = {
      type: 'object',
      properties: {
        item: { $ref: '#/$defs/Item' },
        weird: { $ref: '#/$defs/a~1b' },
        remote: { $ref: 'https://example.com/s.json' },
      },
      $defs: { Item: { type: 'object', properties: { id: { type: 'integer' } } }, 'a/b': { const: 'slash' } },
    };
    expect(sampleFromSchema(schema, TEXT)).toEqual({ item: { id: 0 }, weird: 'slash', remote: null });
  });

  it('stops at a bounded depth on recursive schemas', () => {
    const schema = {
      $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } },
      $ref: '#/$defs/Node',
    };
    let value = sampleFromSchema(schema, TEXT) as { next: unknown } | null;
    let depth = 0;
    while (value && typeof value === 'object') {
      value = value.next as { next: unknown } | null;
      depth++;
    }
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThan(20);
  });
});
