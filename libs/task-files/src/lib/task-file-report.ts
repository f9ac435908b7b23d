import { type FieldIssue } from '@gtr/domain';
import { type TaskFileFormat } from './task-file-format';

/** The validation code of an invalid file, which is also the CLI's exit code (30-32). */
export type TaskFileIssueCode = 'E_VALIDATION' | 'E_VALIDATION_MISSING_FIELD' | 'E_VALIDATION_TYPE';

/** What reading a task file found. */
export interface TaskFileReport {
  format: TaskFileFormat;
  /** Data rows read (valid + invalid). */
  total: number;
  valid: number;
  invalid: number;
  /** The first issues (100 unless `maxIssues` says otherwise), in file order, each naming its row and field. */
  issues: FieldIssue[];
  /** How many more issues there were. */
  moreIssues: number;
  /**
   * null when every row is valid; else `E_VALIDATION_MISSING_FIELD` when every issue is a
   * missing field, `E_VALIDATION_TYPE` when every issue is a wrong type or range, and
   * `E_VALIDATION` otherwise.
   */
  code: TaskFileIssueCode | null;
  /** Columns (CSV) or keys (JSONL) the file has that the mode does not read, first 20. */
  ignoredFields: string[];
}
