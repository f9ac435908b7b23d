import { type BatchRowResult } from './batch-row-result';
import { formatResultCsv, RESULT_CSV_HEADER } from './format-result-csv';
import { formatResultJsonl } from './format-result-jsonl';
import { type TaskFileFormat } from './task-file-format';

/**
 * A whole results file, streamed: the CSV header first (CSV), then one line or record per
 * result as they come. Pipe it to a file or an HTTP response (`Readable.from(...)`).
 */
export async function* formatResults(
  results: AsyncIterable<BatchRowResult> | Iterable<BatchRowResult>,
  format: TaskFileFormat,
): AsyncGenerator<string> {
  if (format === 'csv') yield RESULT_CSV_HEADER;
  for await (const result of results)
    yield format === 'csv' ? formatResultCsv(result) : formatResultJsonl(result);
}
