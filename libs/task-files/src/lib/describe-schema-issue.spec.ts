import { createRunSchema } from '@gtr/domain';
import { describeSchemaIssue, kindOfSchemaIssue, type SchemaIssue } from './describe-schema-issue';

type RawIssue = Parameters<typeof describeSchemaIssue>[0];
const describe_ = (issue: Record<string, unknown>): unknown =>
  describeSchemaIssue({ input: 1, path: [], ...issue } as unknown as RawIssue);

describe('describeSchemaIssue', () => {
  it.each<[Record<string, unknown>, string | undefined]>([
    [{ code: 'too_big', origin: 'number', maximum: 2, inclusive: true }, 'must be <= 2'],
    [{ code: 'too_big', origin: 'number', maximum: 2, inclusive: false }, 'must be < 2'],
    [{ code: 'too_big', origin: 'string', maximum: 200 }, 'must be at most 200 characters'],
    [{ code: 'too_big', origin: 'array', maximum: 4 }, 'must hold at most 4 items'],
    [{ code: 'too_small', origin: 'number', minimum: 1, inclusive: true }, 'must be >= 1'],
    [{ code: 'too_small', origin: 'number', minimum: 0, inclusive: false }, 'must be > 0'],
    [{ code: 'too_small', origin: 'string', minimum: 1 }, 'must not be empty'],
    [{ code: 'too_small', origin: 'string', minimum: 3 }, 'must be at least 3 characters'],
    [{ code: 'too_small', origin: 'array', minimum: 1 }, 'must not be empty'],
    [{ code: 'too_small', origin: 'array', minimum: 2 }, 'must hold at least 2 items'],
    [{ code: 'invalid_type', expected: 'int' }, 'must be an integer'],
    [{ code: 'invalid_type', expected: 'boolean' }, 'must be true or false'],
    [{ code: 'invalid_type', expected: 'bigint' }, 'must be bigint'],
    [{ code: 'invalid_type', expected: 'string', input: undefined }, 'is required'],
    [{ code: 'invalid_value', values: ['a', 'b'] }, 'must be one of "a", "b"'],
    [{ code: 'custom', message: 'x' }, undefined],
  ])('%j → %j', (issue, message) => {
    expect(describe_(issue)).toBe(message);
  });

  it('leaves messages the schema sets itself', () => {
    const result = createRunSchema.safeParse(
      { messages: [{ role: 'user', content: '' }] },
      { error: describeSchemaIssue },
    );
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['must not be empty']);
  });
});

describe('kindOfSchemaIssue', () => {
  it.each<[Partial<SchemaIssue>, string]>([
    [{ code: 'invalid_type', message: 'is required' }, 'missing'],
    [{ code: 'invalid_type', message: 'must be a number' }, 'type'],
    [{ code: 'too_big' }, 'type'],
    [{ code: 'too_small' }, 'type'],
    [{ code: 'invalid_value' }, 'type'],
    [{ code: 'invalid_format' }, 'type'],
    [{ code: 'not_multiple_of' }, 'type'],
    [{ code: 'custom' }, 'invalid'],
    [{ code: 'unrecognized_keys' }, 'invalid'],
  ])('%j is %s', (issue, kind) => {
    expect(kindOfSchemaIssue(issue as SchemaIssue)).toBe(kind);
  });
});
