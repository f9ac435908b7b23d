import { createRunSchema } from '@gtr/domain';
import { describeSchemaIssue, kindOfSchemaIssue } from './describe-schema-issue';
import { type FoundField, type RowFields } from './row-fields';
import { type TaskFileRow } from './task-file-row';

/** Columns or keys that, in task mode, are about the row rather than the task's variables. */
export const RESERVED_TASK_FIELDS: readonly string[] = [
  'id',
  'metadata',
  'idempotency_key',
  'idempotencyKey',
  'corr_id',
  'corrId',
];

const MISSING = Symbol('missing');

/**
 * Reads a task-mode row: every variable the task uses must be present (a dotted name is looked
 * up along its path, as templates render it); other columns are allowed and ignored. The
 * reserved fields (`id`, `metadata`, `idempotency_key`, `corr_id`) are read as in ad-hoc mode,
 * and are variables too when the task uses them. In CSV an empty cell is an empty value.
 * `id` is the row's id as the reader read it (undefined when it was invalid). Returns the
 * normalised row, or undefined after adding its issues to `fields.issues`.
 */
export function readTaskRow(
  fields: RowFields,
  variables: readonly string[],
  id: string | undefined,
): TaskFileRow | undefined {
  const before = fields.issues.length;
  const corrId = fields.identifier(fields.find('corr_id', 'corrId'));
  const metadata = checked(fields, fields.find('metadata'), 'metadata');
  const idempotencyKey = checked(fields, fields.find('idempotency_key', 'idempotencyKey'), 'idempotencyKey');

  const values: [string, unknown][] = [];
  const taken = new Set<string>();
  for (const name of variables) {
    const path = name.split('.');
    if (lookup(fields.raw(path[0]), path.slice(1)) === MISSING) {
      fields.issue(name, `is missing; the task uses {{${name}}}`, 'missing');
    } else if (!taken.has(path[0])) {
      taken.add(path[0]);
      values.push([path[0], fields.raw(path[0])]);
    }
  }
  if (fields.issues.length > before || id === undefined) return undefined;

  const row: TaskFileRow = {
    row: fields.row,
    id,
    params: {},
    metadata: (metadata as Record<string, unknown> | undefined) ?? {},
    // fromEntries defines own properties, so a variable named `__proto__` stays a plain key.
    variables: Object.fromEntries(values),
  };
  if (idempotencyKey !== undefined) row.idempotencyKey = idempotencyKey as string;
  if (corrId !== undefined) row.corrId = corrId;
  return row;
}

/** A field checked with the API's schema for it (the same rules as an ad-hoc run). */
function checked(
  fields: RowFields,
  field: FoundField | undefined,
  key: 'metadata' | 'idempotencyKey',
): unknown {
  if (!field) return undefined;
  const value = key === 'metadata' ? fields.json(field) : field.value;
  if (value === undefined) return undefined;
  const parsed = createRunSchema.shape[key].safeParse(value, { error: describeSchemaIssue });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) fields.issue(field.name, issue.message, kindOfSchemaIssue(issue));
  return undefined;
}

/** The value at `path` under `value`, own properties only (values come from JSON or CSV: never undefined). */
function lookup(value: unknown, path: readonly string[]): unknown {
  let current = value;
  if (current === undefined) return MISSING;
  for (const key of path) {
    if (
      typeof current !== 'object' ||
      current === null ||
      !Object.prototype.hasOwnProperty.call(current, key)
    )
      return MISSING;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
