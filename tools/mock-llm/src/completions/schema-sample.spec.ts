import { sampleFromSchema } from './schema-sample';

describe('sampleFromSchema', () => {
  it('fills an object with every property', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        score: { type: 'number' },
        count: { type: 'integer', minimum: 10, maximum: 12 },
        ok: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        nothing: { type: 'null' },
      },
      required: ['name', 'score'],
      additionalProperties: false,
    };
    expect(sampleFromSchema(schema, 'hello')).toEqual({
      name: 'hello',
      score: 5,
      count: 10,
      ok: true,
      tags: ['hello'],
      nothing: null,
    });
  });

  it('honours enums, consts, formats, lengths and ranges', () => {
    expect(sampleFromSchema({ enum: ['b', 'a'] }, 'x')).toBe('b');
    expect(sampleFromSchema({ const: 7 }, 'x')).toBe(7);
    expect(sampleFromSchema({ type: 'string', format: 'date-time' }, 'x')).toBe('2024-01-01T00:00:00.000Z');
    expect(sampleFromSchema({ type: 'string', format: 'email' }, 'x')).toBe('mock@example.com');
    expect(sampleFromSchema({ type: 'string', format: 'regex' }, 'x')).toBe('x');
    expect(sampleFromSchema({ type: 'string', minLength: 4 }, 'ab')).toBe('ab..');
    expect(sampleFromSchema({ type: 'string', maxLength: 3 }, 'abcdef')).toBe('abc');
    expect(sampleFromSchema({ type: 'integer', exclusiveMaximum: 3 }, 'abcdef')).toBe(2);
    expect(sampleFromSchema({ type: 'integer', exclusiveMinimum: 10 }, 'ab')).toBe(11);
    expect(sampleFromSchema({ type: 'number', maximum: 1.5 }, 'abcdef')).toBe(1.5);
    expect(sampleFromSchema({ type: 'number', minimum: 0.25 }, '')).toBe(0.25);
  });

  it('sizes arrays from minItems and maxItems, and fills tuples', () => {
    expect(sampleFromSchema({ type: 'array', items: { type: 'boolean' }, minItems: 3 }, 'x')).toEqual([
      true,
      true,
      true,
    ]);
    expect(sampleFromSchema({ type: 'array', items: { type: 'boolean' }, maxItems: 0 }, 'x')).toEqual([]);
    expect(
      sampleFromSchema({ type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }] }, 'ab'),
    ).toEqual([2, 'ab']);
    expect(sampleFromSchema({ type: 'array', items: [{ type: 'integer' }] }, 'ab')).toEqual([2]);
    expect(sampleFromSchema({ type: 'array' }, 'ab')).toEqual(['ab']);
  });

  it('infers the type and skips null in a type list', () => {
    expect(sampleFromSchema({ properties: { a: { type: ['null', 'integer'] } } }, 'abc')).toEqual({ a: 3 });
    expect(sampleFromSchema({ items: { type: 'null' } }, 'x')).toEqual([null]);
    expect(sampleFromSchema({ type: ['null'] }, 'x')).toBeNull();
    expect(sampleFromSchema(undefined, 'plain')).toBe('plain');
  });

  it('resolves local refs, anyOf, oneOf and allOf', () => {
    const schema = {
      type: 'object',
      properties: {
        item: { $ref: '#/$defs/Item' },
        old: { $ref: '#/definitions/Old' },
        maybe: { anyOf: [{ type: 'null' }, { type: 'integer' }] },
        either: { oneOf: [{ type: 'boolean' }] },
        both: {
          allOf: [{ properties: { a: { type: 'integer' } } }, { properties: { b: { type: 'boolean' } } }],
        },
        remote: { $ref: 'https://example.com/schema' },
        missing: { $ref: '#/$defs/Nope' },
      },
      $defs: {
        Item: { type: 'object', properties: { 'a/b': { $ref: '#/$defs/Leaf' } } },
        Leaf: { type: 'string' },
      },
      definitions: { Old: { type: 'integer', minimum: 100 } },
    };
    expect(sampleFromSchema(schema, 'txt')).toEqual({
      item: { 'a/b': 'txt' },
      old: 100,
      maybe: 3,
      either: true,
      both: { a: 3, b: true },
      remote: 'txt',
      missing: 'txt',
    });
  });

  it('stops at a recursive schema', () => {
    const schema = { type: 'object', properties: { next: { $ref: '#' } } };
    let value = sampleFromSchema(schema, 'x') as { next: unknown };
    let depth = 0;
    while (value && typeof value === 'object') {
      value = value.next as { next: unknown };
      depth += 1;
    }
    expect(value).toBeNull();
    expect(depth).toBeGreaterThan(3);
  });

  it('does not throw on a malformed schema', () => {
    const schema = { anyOf: 'x', oneOf: [], allOf: {}, enum: 'abc', $ref: 7, minLength: 'x' };
    expect(sampleFromSchema(schema, 'ok')).toBe('ok');
    expect(sampleFromSchema({ type: 'object', properties: 'x' }, 'ok')).toEqual({});
    expect(sampleFromSchema({ type: 'array', prefixItems: 'no', items: { type: 'boolean' } }, 'ok')).toEqual([
      true,
    ]);
  });
});
