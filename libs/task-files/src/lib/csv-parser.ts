import { GtrError } from '@gtr/domain';

/** One record of a CSV file. */
export interface CsvRecord {
  /** 0 for the first record (the header), then 1, 2, … Skipped empty records are not counted. */
  row: number;
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
  /**
   * 0-based column of the first cell with text after its closing quote (`"ab"c`). Such text is
   * kept as it is (`abc`); RFC 4180 does not allow it, so the reader reports it.
   */
  strayTextColumn?: number;
}

/** Limits of `CsvParser`. */
export interface CsvParserOptions {
  /** Most characters one record may hold; bounds memory when a quote is never closed. */
  maxRecordChars?: number;
}

/** Default `maxRecordChars`: room for a maximal prompt (1,000,000 characters) written as JSON messages. */
export const DEFAULT_MAX_RECORD_CHARS = 8_000_000;

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

const CELL_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * An incremental RFC 4180 parser: feed it text in chunks of any size, get back the records
 * that each chunk completes. Quoted cells may hold commas, `""` (a quote) and line breaks,
 * which are kept exactly (CRLF stays CRLF). Records end at CRLF, LF or a lone CR; the last one
 * needs no line break. Records whose cells are all empty (empty lines, `,,,`) are skipped.
 * A quote inside an unquoted cell is literal text. Memory is one record.
 */
export class CsvParser {
  private readonly maxRecordChars: number;
  private cells: string[] = [];
  private cell = '';
  private state = CELL_START;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private recordChars = 0;
  private row = 0;
  private strayTextColumn: number | undefined;
  /** The previous chunk ended with a CR that ended a record: a LF starting this one belongs to it. */
  private skipLf = false;

  constructor(options: CsvParserOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** Parses the next chunk; returns the records it completes. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    const n = text.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (this.state === QUOTED) {
        const close = text.indexOf('"', i);
        const end = close === -1 ? n : close;
        this.append(text, i, end);
        this.line += countLf(text, i, end);
        if (close === -1) return records;
        this.state = QUOTE_IN_QUOTED;
        i = close + 1;
        continue;
      }
      let c = text.charCodeAt(i);
      if (this.state === QUOTE_IN_QUOTED) {
        if (c === QUOTE) {
          this.append('"', 0, 1);
          this.state = QUOTED;
          i++;
          continue;
        }
        if (c !== COMMA && c !== LF && c !== CR) {
          this.strayTextColumn ??= this.cells.length;
          this.state = UNQUOTED;
        }
      } else if (this.state === CELL_START && c === QUOTE) {
        this.state = QUOTED;
        this.quoteLine = this.line;
        i++;
        continue;
      }
      let j = i;
      while (c !== COMMA && c !== LF && c !== CR) {
        if (++j === n) break;
        c = text.charCodeAt(j);
      }
      if (j > i) {
        this.append(text, i, j);
        this.state = UNQUOTED;
      }
      if (j === n) return records;
      if (c === COMMA) {
        this.cells.push(this.cell);
        this.cell = '';
        this.state = CELL_START;
        i = j + 1;
        continue;
      }
      this.endRecord(records);
      this.line++;
      this.recordLine = this.line;
      i = j + 1;
      if (c === CR) {
        if (i === n) this.skipLf = true;
        else if (text.charCodeAt(i) === LF) i++;
      }
    }
    return records;
  }

  /**
   * Ends the input; returns the last record when it had no line break.
   * @throws GtrError `E_FILE_FORMAT` when a quoted cell is still open, naming the row it began on.
   */
  end(): CsvRecord[] {
    if (this.state === QUOTED) {
      throw new GtrError(
        'E_FILE_FORMAT',
        `${this.rowName()} has a quote at line ${this.quoteLine} that is never closed: a quote inside a quoted cell must be doubled ("")`,
      );
    }
    const records: CsvRecord[] = [];
    if (this.state !== CELL_START || this.cells.length > 0) this.endRecord(records);
    return records;
  }

  private append(text: string, from: number, to: number): void {
    this.recordChars += to - from;
    if (this.recordChars > this.maxRecordChars) {
      const hint = this.state === QUOTED ? `; is the quote at line ${this.quoteLine} never closed?` : '';
      throw new GtrError(
        'E_FILE_FORMAT',
        `${this.rowName()} is longer than ${this.maxRecordChars} characters${hint}`,
      );
    }
    this.cell += from === 0 && to === text.length ? text : text.slice(from, to);
  }

  private endRecord(records: CsvRecord[]): void {
    const cells = this.cells;
    cells.push(this.cell);
    if (!allEmpty(cells)) {
      const record: CsvRecord = { row: this.row++, line: this.recordLine, cells };
      if (this.strayTextColumn !== undefined) record.strayTextColumn = this.strayTextColumn;
      records.push(record);
    }
    this.cells = [];
    this.cell = '';
    this.state = CELL_START;
    this.recordChars = 0;
    this.strayTextColumn = undefined;
  }

  private rowName(): string {
    return this.row === 0
      ? `The header (line ${this.recordLine})`
      : `Row ${this.row} (line ${this.recordLine})`;
  }
}

/** Parses CSV text chunks into records (see `CsvParser`), holding one record at a time. */
export async function* parseCsv(
  chunks: AsyncIterable<string>,
  options: CsvParserOptions = {},
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options);
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

function allEmpty(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '') return false;
  return true;
}

function countLf(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
