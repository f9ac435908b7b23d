import { type Logger } from 'typeorm';

/** Where SQL log lines go. */
export type SqlLogSink = (line: string) => void;

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/**
 * A TypeORM logger that writes statements but never their parameters, which carry prompts,
 * outputs and API key hashes.
 */
export class StatementLogger implements Logger {
  constructor(private readonly sink: SqlLogSink) {}

  logQuery(query: string): void {
    this.sink(`query: ${oneLine(query)}`);
  }

  logQueryError(error: string | Error, query: string): void {
    this.sink(`query failed: ${typeof error === 'string' ? error : error.message} -- ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.sink(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.sink(`schema: ${message}`);
  }

  logMigration(message: string): void {
    this.sink(`migration: ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.sink(`${level}: ${String(message)}`);
  }
}
