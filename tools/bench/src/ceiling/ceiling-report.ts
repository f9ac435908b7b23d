import { formatTable, mark } from '../support/format-table';
import { type PgCounters } from '../support/pg-activity';
import { type StatementCounts } from '../support/statement-log';
import { type BatchTiming } from './run-batch-to-end';

/** The target on this machine. */
export const TARGET_RUNS_PER_SECOND = 850;

/** Everything `bench:ceiling` measured. */
export interface CeilingReport {
  runs: number;
  timing: BatchTiming;
  /** pg_stat_database / pg_stat_user_tables deltas over the measured batch. */
  pg: PgCounters;
  pgStatStatements: boolean;
  /** CPU seconds over the measured batch, per process name (api, worker-1, …, postgres backends). */
  cpu: { name: string; seconds: number }[];
  /** Statements counted in the server log (`--count-statements`). */
  statements: StatementCounts | null;
  /** Redis total_commands_processed delta over the measured batch (shared server: others' included). */
  redisCommands: number;
}

const perRun = (value: number, runs: number, digits = 2) => (value / runs).toFixed(digits);

/** The printed tables: throughput, Postgres work per run and CPU per run. */
export function formatCeilingReport(report: CeilingReport): string {
  const { runs, timing, pg } = report;
  const runsPerSecond = runs / (timing.finishedMs / 1000);
  const counts = timing.batch.counts;
  const throughput = formatTable(
    ['metric', 'value', 'target', 'met'],
    [
      ['runs (succeeded / failed)', `${runs} (${counts.succeeded} / ${counts.failed})`, '', ''],
      ['upload to 201 (runs created)', `${(timing.acceptedMs / 1000).toFixed(1)} s`, '', ''],
      ['upload to last run finished', `${(timing.finishedMs / 1000).toFixed(1)} s`, '', ''],
      [
        'runs/s end to end',
        runsPerSecond.toFixed(0),
        `>= ${TARGET_RUNS_PER_SECOND}`,
        mark(runsPerSecond >= TARGET_RUNS_PER_SECOND),
      ],
    ],
  );
  const postgres = formatTable(
    ['Postgres, per run', 'value'],
    [
      ['transactions (xact_commit + xact_rollback)', perRun(pg.transactions, runs)],
      ['table scans (seq_scan + idx_scan, user tables)', perRun(pg.tableScans, runs)],
      ['rows inserted', perRun(pg.tupInserted, runs)],
      ['rows updated', perRun(pg.tupUpdated, runs)],
      ['rows deleted', perRun(pg.tupDeleted, runs)],
      ['rows fetched (tup_fetched)', perRun(pg.tupFetched, runs)],
      ['rows returned (tup_returned)', perRun(pg.tupReturned, runs)],
    ],
  );
  const totalCpu = report.cpu.reduce((sum, p) => sum + p.seconds, 0);
  const cpu = formatTable(
    ['process', 'CPU s', 'CPU ms/run', 'CPU s/run'],
    [...report.cpu, { name: 'total', seconds: totalCpu }].map((p) => [
      p.name,
      p.seconds.toFixed(1),
      ((p.seconds / runs) * 1000).toFixed(3),
      (p.seconds / runs).toFixed(6),
    ]),
  );
  const method = report.statements
    ? "Statements: with log_statement = 'all' on the benchmark database, its lines in the server log (includes this benchmark's own few statistics queries)."
    : report.pgStatStatements
      ? 'pg_stat_statements is preloaded but not read here; --count-statements counts statements from the server log.'
      : 'pg_stat_statements is not in shared_preload_libraries, so statements are not counted one by one here (--count-statements counts them from the server log).';
  const statements = report.statements
    ? [
        '',
        formatTable(
          ['statements logged (log_statement = all), per run', 'value'],
          [
            ['all', perRun(report.statements.total, runs)],
            ...report.statements.byKind.slice(0, 15).map((k) => [k.kind, perRun(k.count, runs, 3)]),
          ],
        ),
      ]
    : [];
  return [
    throughput,
    '',
    postgres,
    ...statements,
    '',
    `Redis commands per run: ${perRun(report.redisCommands, runs, 1)} (INFO stats total_commands_processed delta; the server is shared, so other clients' commands of the same time are included)`,
    '',
    `Method: deltas of pg_stat_database and pg_stat_user_tables for the benchmark's own database over the measured batch, read after the api and the workers exited (a backend reports its counts when it exits). ${method}`,
    'A statement outside a transaction is one transaction, statements inside one count once: transactions are a lower bound on statements; table scans count roughly one per SELECT / UPDATE / DELETE per table it reads.',
    '',
    cpu,
    '',
    'CPU: utime + stime from /proc/<pid>/stat before and after the measured batch; postgres backends = those connected to the benchmark database.',
  ].join('\n');
}
