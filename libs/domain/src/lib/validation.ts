import { type z } from 'zod';
import { GtrError, type FieldIssue } from './gtr-error';

/** Turns zod issues into field issues with a dotted path and a readable reason. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

/**
 * Parses `input` with `schema`, or throws `GtrError('E_VALIDATION')` naming every bad field.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  const first = issues[0];
  throw new GtrError(
    'E_VALIDATION',
    `Invalid ${what}: ${first.field} ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    issues,
  );
}
