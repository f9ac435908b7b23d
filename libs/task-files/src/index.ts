export * from './lib/task-file-format';
export * from './lib/task-file-source';
export * from './lib/task-file-options';
export * from './lib/task-file-row';
export * from './lib/task-file-report';
export * from './lib/read-task-file';
export * from './lib/validate-task-file';
export {
  CsvParser,
  parseCsv,
  DEFAULT_MAX_RECORD_CHARS,
  type CsvRecord,
  type CsvParserOptions,
} from './lib/csv-parser';
export { JsonlParser, parseJsonl, type JsonlRecord, type JsonlParserOptions } from './lib/jsonl-parser';
export { decodeUtf8 } from './lib/decode-utf8';
export { parseStrictNumber } from './lib/strict-number';
export * from './lib/csv-format';
export * from './lib/batch-row-result';
export * from './lib/format-result-jsonl';
export * from './lib/format-result-csv';
export * from './lib/format-results';
