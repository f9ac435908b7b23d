import { parseOrThrow } from '../validation';
import { getTaskQuerySchema, listTaskVersionsQuerySchema, listTasksQuerySchema } from './task-queries';

describe('task query strings', () => {
  it('parses the list query with a tag list, de-duplicated, and defaults the limit', () => {
    expect(parseOrThrow(listTasksQuerySchema, { tag: 'a, b,a' })).toEqual({ tag: ['a', 'b'], limit: 50 });
    expect(parseOrThrow(listTasksQuerySchema, { limit: '5', cursor: 'c' })).toEqual({
      limit: 5,
      cursor: 'c',
    });
  });

  it.each<[unknown, string]>([
    [{ tag: ' , ' }, 'tag'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ sort: 'name' }, '(body)'],
  ])('rejects the list query %j, naming %s', (query, field) => {
    expect(() => parseOrThrow(listTasksQuerySchema, query)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field })] }),
    );
  });

  it('parses a version as a positive integer', () => {
    expect(parseOrThrow(getTaskQuerySchema, { version: '3' })).toEqual({ version: 3 });
    expect(parseOrThrow(getTaskQuerySchema, {})).toEqual({});
    expect(() => parseOrThrow(getTaskQuerySchema, { version: '1.5' })).toThrow(/version/);
    expect(() => parseOrThrow(getTaskQuerySchema, { version: 'latest' })).toThrow(/version/);
  });

  it('pages versions', () => {
    expect(parseOrThrow(listTaskVersionsQuerySchema, { limit: '2' })).toEqual({ limit: 2 });
  });
});
