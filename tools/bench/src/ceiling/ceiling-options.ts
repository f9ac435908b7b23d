import { Command } from 'commander';
import { positiveInt } from '../support/cli-options';
import { DEFAULT_PG_LOG } from '../support/statement-log';

/** What one `bench:ceiling` invocation runs. */
export interface CeilingOptions {
  runs: number;
  workers: number;
  workerConcurrency: number;
  redisUrl: string;
  logLevel: string;
  /** Write `node --cpu-prof` profiles of the workers here and print their top self time. */
  cpuProfDir: string | null;
  /** Server log to count statements in (with log_statement = 'all' on the database); null: off. */
  statementLog: string | null;
}

/** Parses the command line (`node ceiling.js --runs 5000 …`). */
export function parseCeilingOptions(argv: readonly string[]): CeilingOptions {
  const o = new Command('ceiling')
    .description('Runs/s, Postgres work and CPU per run of distributed gtr with the dry-run provider.')
    .option('--runs <n>', 'rows of the batch', positiveInt, 20_000)
    .option('--workers <n>', 'worker processes', positiveInt, 2)
    .option('--worker-concurrency <n>', 'GTR_WORKER_CONCURRENCY of each worker', positiveInt, 32)
    .option('--redis-url <url>', 'Redis', 'redis://127.0.0.1:6379')
    .option('--log-level <level>', 'LOG_LEVEL of the api and the workers', 'info')
    .option(
      '--cpu-prof <dir>',
      'profile the workers with node --cpu-prof into <dir> and print the top functions',
    )
    .option(
      '--count-statements [log]',
      "set log_statement = 'all' on the benchmark database and count its statements in the server log (slows Postgres: a run of its own)",
    )
    .parse([...argv], { from: 'user' })
    .opts<{
      runs: number;
      workers: number;
      workerConcurrency: number;
      redisUrl: string;
      logLevel: string;
      cpuProf?: string;
      countStatements?: string | true;
    }>();
  return {
    runs: o.runs,
    workers: o.workers,
    workerConcurrency: o.workerConcurrency,
    redisUrl: o.redisUrl,
    logLevel: o.logLevel,
    cpuProfDir: o.cpuProf ?? null,
    statementLog: o.countStatements === true ? DEFAULT_PG_LOG : (o.countStatements ?? null),
  };
}
