import { type FieldIssue } from '@gtr/domain';
import { type TaskFileFormat } from './task-file-format';

/**
 * How rows are read. `adhoc` (the default): each row is a run request (`prompt` or
 * `messages`, `system`, `model`, `temperature`, `maxTokens`, …). `task`: each row holds the
 * values of a task's template variables.
 */
export type TaskFileMode =
  | { mode?: 'adhoc' }
  | {
      mode: 'task';
      /** The variables the task's templates use (dotted names allowed); each row must give all of them. */
      variables: readonly string[];
    };

/** Options of `readTaskFile` and `validateTaskFile`. */
export type TaskFileOptions = TaskFileMode & {
  /** The format; default: from the extension of `fileName` or of the source path. */
  format?: TaskFileFormat;
  /** The file's name, for its extension, when the source is not a path (an upload). */
  fileName?: string;
  /** Issues kept in the report (and in the error); default 100. The rest are only counted. */
  maxIssues?: number;
  /** Most characters one row may hold; default 8,000,000. Bounds memory on a broken file. */
  maxRowChars?: number;
  /** `readTaskFile` only: yield the valid rows and do not throw at the end for invalid ones. */
  skipInvalid?: boolean;
  /** Called for each invalid row with all of its issues, as it is read. */
  onInvalidRow?: (row: number, issues: FieldIssue[]) => void;
};
