import { GtrError } from '@gtr/domain';
import { DEFAULT_MAX_RECORD_CHARS } from './csv-parser';

/** One non-blank line of a JSONL file. */
export interface JsonlRecord {
  /** 1-based among non-blank lines. */
  row: number;
  /** 1-based line of the file. */
  line: number;
  /** The parsed value; absent when the line is not valid JSON (see `error`). */
  value?: unknown;
  /** Why the line is not valid JSON, e.g. `is not valid JSON (at character 12)`. */
  error?: string;
}

/** Limits of `JsonlParser`. */
export interface JsonlParserOptions {
  /** Most characters one line may hold. */
  maxRecordChars?: number;
}

/**
 * An incremental JSONL (NDJSON) parser: one JSON value per line, LF or CRLF, blank lines
 * skipped, the last line needs no line break. A line that is not JSON becomes a record with
 * `error`, so the caller can report it and go on. Memory is one line.
 */
export class JsonlParser {
  private readonly maxRecordChars: number;
  private pending = '';
  private line = 1;
  private row = 0;

  constructor(options: JsonlParserOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** Parses the next chunk; returns the records of the lines it completes. */
  push(text: string): JsonlRecord[] {
    const records: JsonlRecord[] = [];
    let from = 0;
    for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', from)) {
      const piece = text.slice(from, lf);
      const line = this.pending ? this.pending + piece : piece;
      this.pending = '';
      this.check(line.length);
      this.take(line, records);
      from = lf + 1;
    }
    if (from < text.length) {
      this.check(this.pending.length + text.length - from);
      this.pending += text.slice(from);
    }
    return records;
  }

  /** Ends the input; returns the record of a last line without a line break. */
  end(): JsonlRecord[] {
    const records: JsonlRecord[] = [];
    if (this.pending) this.take(this.pending, records);
    this.pending = '';
    return records;
  }

  private take(raw: string, records: JsonlRecord[]): void {
    const line = this.line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    const row = ++this.row;
    try {
      records.push({ row, line, value: JSON.parse(text) });
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message);
      const at = position ? ` (at character ${Number(position[1]) + 1})` : '';
      records.push({ row, line, error: `is not valid JSON${at}` });
    }
  }

  private check(length: number): void {
    if (length > this.maxRecordChars) {
      throw new GtrError(
        'E_FILE_FORMAT',
        `Row ${this.row + 1} (line ${this.line}) is longer than ${this.maxRecordChars} characters`,
      );
    }
  }
}

/** Parses JSONL text chunks into records (see `JsonlParser`), holding one line at a time. */
export async function* parseJsonl(
  chunks: AsyncIterable<string>,
  options: JsonlParserOptions = {},
): AsyncGenerator<JsonlRecord> {
  const parser = new JsonlParser(options);
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}
