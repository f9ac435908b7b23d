import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type CeilingOptions, parseCeilingOptions } from './ceiling/ceiling-options';
import { formatCeilingReport } from './ceiling/ceiling-report';
import { runBatchToEnd } from './ceiling/run-batch-to-end';
import { cpuSeconds } from './support/cpu-time';
import { databaseName, type GtrDeployment, startDistributed } from './support/gtr-deployment';
import {
  backendCpuDelta,
  hasPgStatStatements,
  type PgCounters,
  readBackendCpu,
  readPgCounters,
} from './support/pg-activity';
import { cpuProfArgs, printTopSelfTime } from './support/print-cpu-profile';
import { redisCommandsProcessed } from './support/redis-commands';
import { countLoggedStatements, logOffset } from './support/statement-log';
import { taskRows, writeTaskFile } from './support/task-file';

/*
 * Ceiling benchmark: distributed gtr (api + workers on Postgres and Redis) with the dry-run
 * provider at zero latency, so what is measured is gtr's own cost per run: runs/s from upload to
 * the last run finished, Postgres work per run and CPU per run of each process. Prints numbers;
 * asserts nothing. `npx nx run bench:ceiling -- --runs 5000`
 */

/** Rows of a batch run before the measured one: a long-lived server is warm. */
const WARM_UP_ROWS = 500;
/**
 * An idle Postgres backend reports its pending statistics within 10 s (PGSTAT_IDLE_INTERVAL):
 * waiting this long after the warm-up keeps its counts out of the measured deltas.
 */
const STATS_SETTLE_MS = 11_000;

function pgDelta(before: PgCounters, after: PgCounters): PgCounters {
  const delta = {} as PgCounters;
  for (const key of Object.keys(before) as (keyof PgCounters)[]) delta[key] = after[key] - before[key];
  return delta;
}

function processCpu(deployment: GtrDeployment) {
  return [deployment.api, ...deployment.workers].map((proc) => ({
    name: proc.name,
    seconds: cpuSeconds(proc.pid) ?? Number.NaN,
  }));
}

async function measure(deployment: GtrDeployment, dir: string, options: CeilingOptions) {
  const database = deployment.database;
  if (!database) throw new Error('the ceiling benchmark needs distributed mode');
  const warmUp = join(dir, 'warm-up.jsonl');
  await writeTaskFile(warmUp, taskRows('warm', WARM_UP_ROWS));
  await runBatchToEnd(deployment, warmUp);
  const tasks = join(dir, 'tasks.jsonl');
  await writeTaskFile(tasks, taskRows('ceil', options.runs));
  await sleep(STATS_SETTLE_MS);

  const logStart = options.statementLog === null ? 0 : logOffset(options.statementLog);
  const pgBefore = await readPgCounters(database.dataSource);
  const backendsBefore = await readBackendCpu(database.dataSource);
  const redisBefore = await redisCommandsProcessed(options.redisUrl);
  const cpuBefore = processCpu(deployment);
  console.log(`  submitting ${options.runs} rows …`);
  const timing = await runBatchToEnd(deployment, tasks);
  const cpuAfter = processCpu(deployment);
  const redisCommands = (await redisCommandsProcessed(options.redisUrl)) - redisBefore;
  const backendsAfter = await readBackendCpu(database.dataSource);
  await deployment.stopProcesses();
  const pgAfter = await readPgCounters(database.dataSource);
  const statements =
    options.statementLog === null
      ? null
      : countLoggedStatements(options.statementLog, logStart, databaseName(database));
  return {
    runs: options.runs,
    timing,
    pg: pgDelta(pgBefore, pgAfter),
    pgStatStatements: await hasPgStatStatements(database.dataSource),
    cpu: [
      ...cpuAfter.map((p, i) => ({ name: p.name, seconds: p.seconds - cpuBefore[i].seconds })),
      { name: 'postgres backends', seconds: backendCpuDelta(backendsBefore, backendsAfter) },
    ],
    statements,
    redisCommands,
  };
}

async function main(): Promise<void> {
  const options = parseCeilingOptions(process.argv.slice(2));
  const profileDir = options.cpuProfDir === null ? null : resolve(options.cpuProfDir);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  console.log(
    `ceiling: ${options.runs} runs as one uploaded JSONL batch, dry-run provider (0 ms latency), distributed: api + ${options.workers} workers × GTR_WORKER_CONCURRENCY ${options.workerConcurrency}, LOG_LEVEL ${options.logLevel}` +
      (options.statementLog === null
        ? ''
        : `\ncounting statements in ${options.statementLog} (log_statement = all slows Postgres: runs/s and CPU of this run are not comparable)`),
  );
  const dir = mkdtempSync(join(tmpdir(), 'gtr-bench-ceiling-'));
  const deployment = await startDistributed({
    workers: options.workers,
    workerConcurrency: options.workerConcurrency,
    redisUrl: options.redisUrl,
    logLevel: options.logLevel,
    ...(profileDir && { workerNodeArgs: cpuProfArgs(profileDir) }),
    ...(options.statementLog !== null && { databaseSettings: { log_statement: 'all' } }),
  });
  try {
    const report = await measure(deployment, dir, options);
    console.log(`\n${formatCeilingReport(report)}`);
  } finally {
    await deployment.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (profileDir) printTopSelfTime(profileDir, "workers' (warm-up included)");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
