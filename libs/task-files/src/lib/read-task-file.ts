import { GtrError } from '@gtr/domain';
import { ADHOC_FIELDS, readAdhocRow } from './adhoc-row';
import { chunksOf, type TaskFileSource } from './task-file-source';
import { decodeUtf8 } from './decode-utf8';
import { IssueCollector } from './issue-collector';
import { rawRowsOf, type RawRow } from './raw-rows';
import { RowFields } from './row-fields';
import { taskFileFormatOf, type TaskFileFormat } from './task-file-format';
import { type TaskFileOptions } from './task-file-options';
import { type TaskFileReport } from './task-file-report';
import { type TaskFileRow } from './task-file-row';
import { RESERVED_TASK_FIELDS, readTaskRow } from './task-row';

const DEFAULT_MAX_ISSUES = 100;
const MAX_IGNORED_FIELDS = 20;

/**
 * The valid rows of a task file, read as they are iterated (see `readTaskFile`). `report`
 * is up to date with what has been read so far, and complete once the iteration ends.
 */
export class TaskFileReader implements AsyncIterable<TaskFileRow> {
  private readonly collector: IssueCollector;
  private readonly ignored: string[] = [];
  private readonly format: TaskFileFormat;
  private total = 0;
  private valid = 0;
  private started = false;

  constructor(
    private readonly source: TaskFileSource,
    private readonly options: TaskFileOptions = {},
  ) {
    this.format = taskFileFormatOf(
      options.fileName ?? (typeof source === 'string' ? source : undefined),
      options.format,
    );
    this.collector = new IssueCollector(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  }

  get report(): TaskFileReport {
    return {
      format: this.format,
      total: this.total,
      valid: this.valid,
      invalid: this.total - this.valid,
      issues: [...this.collector.issues],
      moreIssues: this.collector.more,
      code: this.collector.code(),
      ignoredFields: [...this.ignored],
    };
  }

  /** Can be iterated once. */
  [Symbol.asyncIterator](): AsyncIterator<TaskFileRow> {
    if (this.started) throw new Error('A TaskFileReader can be iterated only once');
    this.started = true;
    return this.rows();
  }

  private async *rows(): AsyncGenerator<TaskFileRow> {
    const { options } = this;
    const known = new Set(
      options.mode === 'task'
        ? [...RESERVED_TASK_FIELDS, ...options.variables.map((name) => name.split('.')[0])]
        : ADHOC_FIELDS,
    );
    const text = decodeUtf8(chunksOf(this.source));
    const raws = rawRowsOf(text, this.format, {
      maxRowChars: options.maxRowChars,
      onFieldName: (name) => {
        if (!known.has(name) && this.ignored.length < MAX_IGNORED_FIELDS) this.ignored.push(name);
      },
    });
    const ids = new Map<string, number>();
    for await (const batch of raws) {
      for (const raw of batch) {
        const row = this.check(raw, ids);
        if (row) yield row;
      }
    }
    if (this.total === 0) throw new GtrError('E_FILE_FORMAT', 'The file has no rows');
    const report = this.report;
    if (report.code && !options.skipInvalid) throw invalidFile(report, report.code);
  }

  /** Validates one row and counts it; returns it normalised when it is valid. */
  private check(raw: RawRow, ids: Map<string, number>): TaskFileRow | undefined {
    const { options } = this;
    const issues = raw.issues;
    this.total++;
    let row: TaskFileRow | undefined;
    if (raw.fields) {
      const fields = new RowFields(raw.fields, this.format === 'csv', raw.row, issues);
      const idField = fields.find('id');
      const id = idField ? fields.identifier(idField) : String(raw.row);
      row = options.mode === 'task' ? readTaskRow(fields, options.variables, id) : readAdhocRow(fields, id);
      const first = id === undefined ? undefined : ids.get(id);
      if (id !== undefined && first === undefined) ids.set(id, raw.row);
      if (first !== undefined) {
        const message = `duplicates the id "${id}" of row ${first}`;
        issues.push({ row: raw.row, field: 'id', message, kind: 'invalid' });
      }
    }
    if (row && issues.length === 0) {
      this.valid++;
      return row;
    }
    this.collector.add(issues);
    options.onInvalidRow?.(
      raw.row,
      issues.map(({ kind: _kind, ...issue }) => issue),
    );
    return undefined;
  }
}

/**
 * Reads a task file (CSV or JSONL) as it is iterated, holding one row at a time, and yields
 * each valid row normalised. Invalid rows are not yielded; at the end, if there were any,
 * it throws `GtrError` with the report's code (`E_VALIDATION*`) and the first issues — unless
 * `skipInvalid` is set. File-level problems throw as soon as they are met: `E_FILE_NOT_FOUND`,
 * `E_FILE_READ` (unreadable, not UTF-8), `E_FILE_FORMAT` (a quote never closed, a duplicate
 * header, no rows). Ids must be unique; a row without one gets its row number.
 * @throws GtrError `E_FILE_FORMAT` at once when the format cannot be told from the name.
 */
export function readTaskFile(source: TaskFileSource, options: TaskFileOptions = {}): TaskFileReader {
  return new TaskFileReader(source, options);
}

function invalidFile(report: TaskFileReport, code: NonNullable<TaskFileReport['code']>): GtrError {
  const count = report.issues.length + report.moreIssues;
  const first = report.issues[0];
  const detail = first
    ? `: row ${first.row}, ${first.field} ${first.message}${count > 1 ? ` (and ${count - 1} more)` : ''}`
    : '';
  return new GtrError(code, `${report.invalid} of ${report.total} rows are invalid${detail}`, report.issues);
}
