import { type DataSource } from 'typeorm';
import { cpuSeconds } from './cpu-time';

/** Cumulative counters of one database, as Postgres's statistics views show them. */
export interface PgCounters {
  /** pg_stat_database: committed and rolled back transactions. */
  transactions: number;
  tupReturned: number;
  tupFetched: number;
  tupInserted: number;
  tupUpdated: number;
  tupDeleted: number;
  /** pg_stat_user_tables: sequential plus index scans started on the user tables. */
  tableScans: number;
}

/** The statement counter Postgres offers here: pg_stat_statements when preloaded, else none. */
export async function hasPgStatStatements(dataSource: DataSource): Promise<boolean> {
  const [row] = (await dataSource.query('SHOW shared_preload_libraries')) as {
    shared_preload_libraries: string;
  }[];
  return row.shared_preload_libraries.split(',').some((lib) => lib.trim() === 'pg_stat_statements');
}

/**
 * Reads the counters of the database `dataSource` is connected to. A backend reports its counts
 * when idle for a while or when it exits: read after the clients disconnected.
 */
export async function readPgCounters(dataSource: DataSource): Promise<PgCounters> {
  const [db] = (await dataSource.query(
    `SELECT xact_commit + xact_rollback AS transactions, tup_returned, tup_fetched, tup_inserted,
            tup_updated, tup_deleted
       FROM pg_stat_database WHERE datname = current_database()`,
  )) as Record<string, string>[];
  const [tables] = (await dataSource.query(
    `SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0) AS scans FROM pg_stat_user_tables`,
  )) as { scans: string }[];
  return {
    transactions: Number(db.transactions),
    tupReturned: Number(db.tup_returned),
    tupFetched: Number(db.tup_fetched),
    tupInserted: Number(db.tup_inserted),
    tupUpdated: Number(db.tup_updated),
    tupDeleted: Number(db.tup_deleted),
    tableScans: Number(tables.scans),
  };
}

/** CPU seconds so far of each backend serving this database but `dataSource`'s own, by pid (Postgres is local). */
export async function readBackendCpu(dataSource: DataSource): Promise<Map<number, number>> {
  const backends = (await dataSource.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  )) as { pid: number }[];
  const cpu = new Map<number, number>();
  for (const { pid } of backends) {
    const seconds = cpuSeconds(pid);
    if (seconds !== null) cpu.set(pid, seconds);
  }
  return cpu;
}

/** CPU seconds the backends used between two readings (a backend new in `after` counts from 0). */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
