import { GtrError } from '@gtr/domain';

/** The two task file formats. `.ndjson` files are JSONL. */
export type TaskFileFormat = 'csv' | 'jsonl';

const BY_EXTENSION = new Map<string, TaskFileFormat>([
  ['csv', 'csv'],
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
]);

/**
 * The format of a task file: `explicit` when given, else from the extension of `fileName`
 * (`.csv`, `.jsonl`, `.ndjson`, any case).
 * @throws GtrError `E_FILE_FORMAT` when neither says which format it is.
 */
export function taskFileFormatOf(fileName: string | undefined, explicit?: TaskFileFormat): TaskFileFormat {
  if (explicit) return explicit;
  const match = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName) : null;
  const format = match ? BY_EXTENSION.get(match[1].toLowerCase()) : undefined;
  if (format) return format;
  const what = fileName
    ? `"${baseName(fileName)}" has no .csv, .jsonl or .ndjson extension`
    : 'the file has no name';
  throw new GtrError(
    'E_FILE_FORMAT',
    `Cannot tell the task file format: ${what}; rename it or give the format (csv or jsonl)`,
  );
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
