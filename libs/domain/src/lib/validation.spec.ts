import { z } from 'zod';
import { GtrError } from './gtr-error';
import { parseOrThrow, toFieldIssues } from './validation';

const schema = z.object({ name: z.string(), tags: z.array(z.string()) }).strict();

describe('validation turns zod issues into field issues', () => {
  it('returns the parsed value when valid', () => {
    expect(parseOrThrow(schema, { name: 'a', tags: [] })).toEqual({ name: 'a', tags: [] });
  });

  it('names nested fields with a dotted path and the body itself as (body)', () => {
    const result = schema.safeParse({ name: 1, tags: ['x', 2], extra: true });
    expect(result.success).toBe(false);
    const fields = toFieldIssues(result.error!).map((i) => i.field);
    expect(fields.sort()).toEqual(['(body)', 'name', 'tags.1']);
  });

  it('throws E_VALIDATION with the first field in the message and every issue attached', () => {
    expect(() => parseOrThrow(schema, { name: 'a', tags: 'x' }, 'batch row')).toThrow(
      new GtrError('E_VALIDATION', 'Invalid batch row: tags Invalid input: expected array, received string'),
    );
    try {
      parseOrThrow(schema, {});
    } catch (e) {
      expect(e).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'name' }, { field: 'tags' }] });
      expect((e as Error).message).toMatch(/^Invalid request: name .* \(and 1 more\)$/);
    }
    expect.assertions(3);
  });
});
