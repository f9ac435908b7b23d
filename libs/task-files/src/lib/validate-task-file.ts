import { readTaskFile } from './read-task-file';
import { type TaskFileSource } from './task-file-source';
import { type TaskFileOptions } from './task-file-options';
import { type TaskFileReport } from './task-file-report';

/**
 * Checks every row of a task file without keeping any: the counts and the first issues.
 * Row problems are in the report (`code` is null when all rows are valid); file problems
 * throw as in `readTaskFile`.
 * @throws GtrError `E_FILE_NOT_FOUND`, `E_FILE_READ` or `E_FILE_FORMAT`.
 */
export async function validateTaskFile(
  source: TaskFileSource,
  options: TaskFileOptions = {},
): Promise<TaskFileReport> {
  const reader = readTaskFile(source, { ...options, skipInvalid: true });
  for await (const _row of reader) {
    // only counted
  }
  return reader.report;
}
