const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell per RFC 4180: quoted when it holds a comma, a quote, CR or LF, with each quote
 * doubled; otherwise as it is. Nothing else changes, so `CsvParser` reads back the same text.
 */
export function formatCsvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record: the cells, comma-separated, ending with CRLF. */
export function formatCsvRecord(cells: readonly string[]): string {
  return `${cells.map(formatCsvCell).join(',')}\r\n`;
}
