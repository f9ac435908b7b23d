import { type FieldIssue } from '@gtr/domain';

/** What is wrong with a field, which decides the validation code (and the CLI exit code). */
export type IssueKind = 'missing' | 'type' | 'invalid';

/** A field issue of one row, with its kind. */
export interface RowIssue extends FieldIssue {
  row: number;
  kind: IssueKind;
}

/** Field name of an issue about a whole row (e.g. a JSONL line that is not JSON). */
export const WHOLE_ROW = '(row)';
