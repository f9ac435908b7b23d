import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, createTestDatabase } from '@gtr/testing';
import {
  type Proc,
  API_MAIN,
  WORKER_MAIN,
  freePort,
  runMigrations,
  startProcess,
  waitForReady,
} from '@gtr/testing/system';
import { deleteKeys } from './redis-keys';

/** A running gtr, started from `dist` as an operator would. */
export interface GtrDeployment {
  mode: 'distributed' | 'embedded';
  apiUrl: string;
  adminKey: string;
  api: Proc;
  /** Worker processes (distributed mode; none in embedded mode, where the api runs the worker). */
  workers: Proc[];
  /** The fresh database of this deployment (distributed mode). */
  database: TestDatabase | null;
  /** Environment for the `gtr` CLI to talk to this deployment. */
  cliEnv: Record<string, string>;
  /** Stops the api and the workers (SIGTERM, then SIGKILL after 10 s); the data stays. */
  stopProcesses(): Promise<void>;
  /** Stops the processes and deletes the data: database, Redis keys, data dir. */
  stop(): Promise<void>;
}

export interface DeploymentOptions {
  /** An OpenAI-compatible base URL (mock-llm); unset: the dry-run provider. */
  providerUrl?: string;
  /** Worker processes in distributed mode. */
  workers?: number;
  /** GTR_WORKER_CONCURRENCY of each worker (and of the embedded worker). */
  workerConcurrency?: number;
  redisUrl?: string;
  logLevel?: string;
  /** Distributed mode: `ALTER DATABASE … SET name = value` before the processes connect. */
  databaseSettings?: Record<string, string>;
  /** Node flags of the workers (of the api in embedded mode), e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  workerNodeArgs?: string[];
}

const PROVIDER_KEY = 'sk-bench-provider';

function commonEnv(options: DeploymentOptions, adminKey: string, port: number, dataDir: string) {
  return {
    GTR_ADMIN_API_KEY: adminKey,
    GTR_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: options.logLevel ?? 'info',
    GTR_WORKER_CONCURRENCY: String(options.workerConcurrency ?? 32),
    ...(options.providerUrl !== undefined && {
      OPENAI_API_KEY: PROVIDER_KEY,
      OPENAI_BASE_URL: options.providerUrl,
    }),
  };
}

/** The name of a test database (the path of its URL). */
export function databaseName(database: TestDatabase): string {
  return new URL(database.url).pathname.slice(1);
}

function cliEnvOf(apiUrl: string, adminKey: string, dataDir: string): Record<string, string> {
  return { GTR_API_URL: apiUrl, GTR_API_KEY: adminKey, GTR_DATA_DIR: join(dataDir, 'cli') };
}

/**
 * Distributed mode: a fresh Postgres database (migrated by the api's migrate command), a fresh
 * Redis key prefix, the api and `workers` worker processes. `stop()` ends them and drops both.
 */
export async function startDistributed(options: DeploymentOptions): Promise<GtrDeployment> {
  const redisUrl = options.redisUrl ?? 'redis://127.0.0.1:6379';
  const prefix = `gtr-bench-${randomUUID().slice(0, 8)}`;
  const adminKey = `gtr_bench_${randomUUID().replace(/-/g, '')}`;
  const database = await createTestDatabase({ migrate: false, poolSize: 1 });
  const dataDir = mkdtempSync(join(tmpdir(), 'gtr-bench-'));
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...commonEnv(options, adminKey, port, dataDir),
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    GTR_QUEUE_PREFIX: prefix,
  };
  const procs: Proc[] = [];
  const stopProcesses = async () => {
    await Promise.all(procs.map((proc) => proc.stop()));
  };
  const stop = async () => {
    await stopProcesses();
    await database.drop();
    await deleteKeys(redisUrl, prefix);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (const [name, value] of Object.entries(options.databaseSettings ?? {}))
      await database.dataSource.query(`ALTER DATABASE "${databaseName(database)}" SET ${name} = '${value}'`);
    runMigrations(env);
    const api = startProcess('api', API_MAIN, env);
    procs.push(api);
    // A port of its own per worker: its /health/ready says when it consumes (its logs may be off).
    const workerPorts = await Promise.all(Array.from({ length: options.workers ?? 2 }, () => freePort()));
    const workers = workerPorts.map((workerPort, i) =>
      startProcess(
        `worker-${i + 1}`,
        WORKER_MAIN,
        { ...env, GTR_WORKER_PORT: String(workerPort), GTR_WORKER_ID: `bench-worker-${i + 1}` },
        options.workerNodeArgs,
      ),
    );
    procs.push(...workers);
    await waitForReady(apiUrl, api);
    await Promise.all(workers.map((worker, i) => waitForReady(`http://127.0.0.1:${workerPorts[i]}`, worker)));
    return {
      mode: 'distributed',
      apiUrl,
      adminKey,
      api,
      workers,
      database,
      cliEnv: cliEnvOf(apiUrl, adminKey, dataDir),
      stopProcesses,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Embedded mode as `npm start` runs it: one api process with no DATABASE_URL and no REDIS_URL,
 * so it runs PGlite under a temporary GTR_DATA_DIR, the in-process queue and the worker.
 */
export async function startEmbedded(options: DeploymentOptions): Promise<GtrDeployment> {
  const adminKey = `gtr_bench_${randomUUID().replace(/-/g, '')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'gtr-bench-embedded-'));
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = startProcess(
    'api (embedded)',
    API_MAIN,
    commonEnv(options, adminKey, port, dataDir),
    options.workerNodeArgs,
  );
  const stopProcesses = async () => {
    await api.stop();
  };
  const stop = async () => {
    await stopProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(apiUrl, api);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    mode: 'embedded',
    apiUrl,
    adminKey,
    api,
    workers: [],
    database: null,
    cliEnv: cliEnvOf(apiUrl, adminKey, dataDir),
    stopProcesses,
    stop,
  };
}
