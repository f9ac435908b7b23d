import { GtrError } from '@gtr/domain';
import { parseCsv, type CsvRecord } from './csv-parser';
import { parseJsonl } from './jsonl-parser';
import { type RowIssue, WHOLE_ROW } from './row-issue';
import { type TaskFileFormat } from './task-file-format';

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

/** The data rows of task file text, in either format, one at a time. */
export function rawRowsOf(text: AsyncIterable<string>, format: TaskFileFormat, options: RawRowsOptions = {}): AsyncGenerator<RawRow> {
  return format === 'csv' ? csvRows(text, options) : jsonlRows(text, options);
}

async function* csvRows(text: AsyncIterable<string>, options: RawRowsOptions): AsyncGenerator<RawRow> {
  let names: string[] | undefined;
  for await (const record of parseCsv(text, { maxRecordChars: options.maxRowChars })) {
    if (!names) {
      names = headerNames(record);
      for (const name of names) if (name) options.onFieldName?.(name);
      continue;
    }
    yield csvRow(record, names);
  }
}

function headerNames(record: CsvRecord): string[] {
  const names = record.cells.map((cell) => cell.trim());
  const seen = new Map<string, number>();
  names.forEach((name, column) => {
    const first = seen.get(name);
    if (name && first !== undefined) {
      throw new GtrError('E_FILE_FORMAT', `The header names the column "${name}" twice (columns ${first + 1} and ${column + 1})`);
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
    issues.push({ row, field: WHOLE_ROW, message: `has ${cells.length} cells; the header has ${names.length}`, kind: 'invalid' });
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

/** Distinct key names remembered for `onFieldName`; bounds memory when every row has new keys. */
const MAX_KEY_NAMES = 1000;

async function* jsonlRows(text: AsyncIterable<string>, options: RawRowsOptions): AsyncGenerator<RawRow> {
  const seen = new Set<string>();
  for await (const record of parseJsonl(text, { maxRecordChars: options.maxRowChars })) {
    const { row, value } = record;
    if (record.error !== undefined) {
      yield { row, issues: [{ row, field: WHOLE_ROW, message: record.error, kind: 'invalid' }] };
    } else if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { row, issues: [{ row, field: WHOLE_ROW, message: 'must be a JSON object', kind: 'type' }] };
    } else {
      const fields = value as Record<string, unknown>;
      if (options.onFieldName && seen.size < MAX_KEY_NAMES) {
        for (const name of Object.keys(fields)) {
          if (!seen.has(name)) {
            seen.add(name);
            options.onFieldName(name);
          }
        }
      }
      yield { row, fields, issues: [] };
    }
  }
}
