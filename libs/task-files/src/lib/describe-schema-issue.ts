import { type createRunSchema } from '@gtr/domain';
import { type IssueKind } from './row-issue';

type ParseParams = NonNullable<Parameters<typeof createRunSchema.safeParse>[1]>;
type ErrorMap = NonNullable<ParseParams['error']>;
type RawIssue = Parameters<ErrorMap>[0];

/** A schema issue as the parse result holds it. */
export type SchemaIssue = NonNullable<
  ReturnType<typeof createRunSchema.safeParse>['error']
>['issues'][number];

/**
 * A per-parse error map for the domain schemas: short messages in the words the CLI prints
 * (`must be <= 2`, `must be an integer`). Messages a schema sets itself (`must not be empty`)
 * take precedence, as zod applies per-parse maps only where the schema has none.
 */
export const describeSchemaIssue: ErrorMap = (issue) => describe(issue);

function describe(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      if (issue.origin === 'array') return `must hold at most ${max} items`;
      return issue.inclusive === false ? `must be < ${max}` : `must be <= ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string')
        return min === '1' ? 'must not be empty' : `must be at least ${min} characters`;
      if (issue.origin === 'array')
        return min === '1' ? 'must not be empty' : `must hold at least ${min} items`;
      return issue.inclusive === false ? `must be > ${min}` : `must be >= ${min}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return undefined;
  }
}

const TYPE_NAMES: Partial<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  array: 'a JSON array',
  object: 'a JSON object',
  record: 'a JSON object',
  boolean: 'true or false',
};

/** The kind of a schema issue: a missing field, a wrong type or range, or anything else. */
export function kindOfSchemaIssue(issue: SchemaIssue): IssueKind {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message === 'is required' ? 'missing' : 'type';
    case 'too_big':
    case 'too_small':
    case 'invalid_value':
    case 'invalid_format':
    case 'not_multiple_of':
      return 'type';
    default:
      return 'invalid';
  }
}
