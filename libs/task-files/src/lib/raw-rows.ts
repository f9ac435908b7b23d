import { GtrError } from '@gtr/domain';
import { CsvParser, type CsvRecord } from './csv-parser';
import { JsonlParser, type JsonlRecord } from './jsonl-parser';
import { type RowIssue, WHOLE_ROW } from './row-issue';
import { type TaskFileFormat } from './task-file-format';

/** Distinct key names remembered for `onFieldName`; bounds memory when every row has new keys. */
const MAX_KEY_NAMES = 1000;

/** A data row as the file gave it, before validation. */
export interface RawRow {
  row: number;
  /** Own properties only; in CSV every value is a string (a missing trailing cell is absent). */
  fields?: Record<string, unknown>;
  /** Problems found while reading the row (not JSON, stray quote text, too many cells). */
  issues: RowIssue[];
}

/** Options of `rawRowsOf`. */
export interface RawRowsOptions {
  maxRowChars?: number;
  /** Called once per column or key name the file has, the header's first (CSV) or as met (JSONL). */
  onFieldName?: (name: string) => void;
}

/**
 * The data rows of task file text, in either format, a chunk's worth at a time: each chunk
 * of text is parsed synchronously, so the async cost is per chunk rather than per row.
 */
export function rawRowsOf(
  text: AsyncIterable<string>,
  format: TaskFileFormat,
  options: RawRowsOptions = {},
): AsyncGenerator<RawRow[]> {
  return format === 'csv' ? csvRows(text, options) : jsonlRows(text, options);
}

async function* csvRows(text: AsyncIterable<string>, options: RawRowsOptions): AsyncGenerator<RawRow[]> {
  const parser = new CsvParser({ maxRecordChars: options.maxRowChars });
  let names: string[] | undefined;
  const rowsOf = (records: CsvRecord[]): RawRow[] => {
    const rows: RawRow[] = [];
    for (const record of records) {
      if (names) {
        rows.push(csvRow(record, names));
      } else {
        names = headerNames(record);
        for (const name of names) if (name) options.onFieldName?.(name);
      }
    }
    return rows;
  };
  for await (const chunk of text) yield rowsOf(parser.push(chunk));
  yield rowsOf(parser.end());
}

function headerNames(record: CsvRecord): string[] {
  const names = record.cells.map((cell) => cell.trim());
  const seen = new Map<string, number>();
  names.forEach((name, column) => {
    const first = seen.get(name);
    if (name && first !== undefined) {
      throw new GtrError(
        'E_FILE_FORMAT',
        `The header names the column "${name}" twice (columns ${first + 1} and ${column + 1})`,
      );
    }
    seen.set(name, column);
  });
  return names;
}

function csvRow(record: CsvRecord, names: readonly string[]): RawRow {
  const { row, cells } = record;
  const issues: RowIssue[] = [];
  // No prototype: a column named `__proto__` or `constructor` is an ordinary field.
  const fields = Object.create(null) as Record<string, string>;
  const count = Math.min(cells.length, names.length);
  for (let column = 0; column < count; column++) if (names[column]) fields[names[column]] = cells[column];
  if (cells.length > names.length && cells.slice(names.length).some((cell) => cell !== '')) {
    issues.push({
      row,
      field: WHOLE_ROW,
      message: `has ${cells.length} cells; the header has ${names.length}`,
      kind: 'invalid',
    });
  }
  if (record.strayTextColumn !== undefined) {
    const column = record.strayTextColumn;
    issues.push({
      row,
      field: names[column] || `(column ${column + 1})`,
      message: 'has text after its closing quote: quote the whole cell and double each quote inside it',
      kind: 'invalid',
    });
  }
  return { row, fields, issues };
}

async function* jsonlRows(text: AsyncIterable<string>, options: RawRowsOptions): AsyncGenerator<RawRow[]> {
  const parser = new JsonlParser({ maxRecordChars: options.maxRowChars });
  const seen = new Set<string>();
  const rowsOf = (records: JsonlRecord[]): RawRow[] =>
    records.map((record) => jsonlRow(record, seen, options));
  for await (const chunk of text) yield rowsOf(parser.push(chunk));
  yield rowsOf(parser.end());
}

function jsonlRow(record: JsonlRecord, seen: Set<string>, options: RawRowsOptions): RawRow {
  const { row, value } = record;
  if (record.error !== undefined)
    return { row, issues: [{ row, field: WHOLE_ROW, message: record.error, kind: 'invalid' }] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { row, issues: [{ row, field: WHOLE_ROW, message: 'must be a JSON object', kind: 'type' }] };
  }
  const fields = value as Record<string, unknown>;
  if (options.onFieldName && seen.size < MAX_KEY_NAMES) {
    for (const name of Object.keys(fields)) {
      if (!seen.has(name)) {
        seen.add(name);
        options.onFieldName(name);
      }
    }
  }
  return { row, fields, issues: [] };
}
