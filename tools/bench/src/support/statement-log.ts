import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** The Debian default server log of the local Postgres 15. */
export const DEFAULT_PG_LOG = '/var/log/postgresql/postgresql-15-main.log';

/** Statements per kind (`SELECT`, `INSERT INTO runs`, `BEGIN`, …), most first. */
export interface StatementCounts {
  total: number;
  byKind: { kind: string; count: number }[];
}

/** The log's size now: where the lines of what happens next begin. */
export function logOffset(path: string): number {
  return statSync(path).size;
}

function readFrom(path: string, offset: number): string {
  const fd = openSync(path, 'r');
  try {
    const length = statSync(path).size - offset;
    const buffer = Buffer.alloc(Math.max(0, length));
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** `SELECT`, `INSERT INTO runs`, `UPDATE runs`, `DELETE FROM x`, `BEGIN`, … of a statement's text. */
function kindOf(sql: string): string {
  if (/^\s*WITH\b/i.test(sql)) return 'WITH … (a CTE)';
  const words = sql.replace(/"/g, '').trim().split(/\s+/);
  const verb = (words[0] ?? '').toUpperCase();
  if (verb === 'INSERT' || verb === 'DELETE') return `${verb} ${words[2] ?? ''}`;
  if (verb === 'UPDATE') return `${verb} ${words[1] ?? ''}`;
  if (verb === 'SELECT' || verb === 'WITH') {
    const from = /\bFROM\s+"?([a-z_]+)"?/i.exec(sql);
    return `${verb} ${from ? from[1] : ''}`.trim();
  }
  return verb || '(blank)';
}

/**
 * Counts the statements database `database` logged after `offset` in the server log, with
 * `log_statement = 'all'` set on that database and a `log_line_prefix` holding `@%d`. Each
 * statement is one `LOG:  statement: …` (simple protocol) or `LOG:  execute <name>: …` (extended
 * protocol) line.
 */
export function countLoggedStatements(path: string, offset: number, database: string): StatementCounts {
  const pattern = new RegExp(`@${database} LOG:  (?:statement|execute [^:]*): (.*)$`);
  const byKind = new Map<string, number>();
  let total = 0;
  for (const line of readFrom(path, offset).split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    total += 1;
    const kind = kindOf(match[1]);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return {
    total,
    byKind: [...byKind.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
  };
}
