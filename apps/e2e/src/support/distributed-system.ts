import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { type MockLlm, type MockLlmOptions, startMockLlm } from '@gtr/mock-llm';
import { type TestDatabase, createTestDatabase } from '@gtr/testing';
import {
  type Proc,
  API_MAIN,
  WORKER_MAIN,
  freePort,
  isRunning,
  runMigrations,
  startProcess,
  waitForReady,
} from '@gtr/testing/system';
import { waitFor } from './wait-for';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PROVIDER_KEY = 'sk-e2e-provider-key';

/** Options of {@link startDistributedSystem}. */
export interface DistributedSystemOptions {
  /** Behaviour of mock-llm (latency, jitter, …); its API key is always set. */
  mock?: Omit<MockLlmOptions, 'apiKey'>;
  /** More environment of the api and the workers (e.g. `GTR_WORKER_CONCURRENCY`). */
  env?: Record<string, string>;
}

/**
 * Distributed mode as an operator runs it: migrations as one step, then the built api and two
 * worker processes (`worker-1`, `worker-2`) on a database and a Redis key prefix of their own,
 * calling mock-llm (in this process) through the real openai SDK.
 */
export interface DistributedSystem {
  mock: MockLlm;
  db: TestDatabase;
  api: Proc;
  /** `worker-1` and `worker-2`, in that order. */
  workers: Proc[];
  apiUrl: string;
  adminKey: string;
  providerKey: string;
  /** Environment of the api and the workers. */
  env: Record<string, string>;
  /** Environment of the `gtr` CLI: the api's URL and the admin key. */
  cliEnv: Record<string, string>;
  /** An API call as the admin. */
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Every process's output so far, for failure messages. */
  logs(): string;
  /** Stops the processes and mock-llm, drops the database and deletes the Redis keys. */
  stop(): Promise<void>;
}

/** Waits until the worker logs that it consumes the runs queue (workers have no shared port). */
export function waitForWorker(worker: Proc, timeoutMs = 30_000): Promise<true> {
  return waitFor(
    `${worker.output().split('\n')[0]} to consume`,
    () => {
      if (!isRunning(worker)) throw new Error(`worker exited early\n${worker.output()}`);
      return worker.output().includes('worker consuming runs');
    },
    { timeoutMs, diagnostics: worker.output },
  );
}

export async function startDistributedSystem(
  options: DistributedSystemOptions = {},
): Promise<DistributedSystem> {
  const adminKey = `gtr_e2e_${randomUUID().replace(/-/g, '')}`;
  const prefix = `gtr-e2e-${randomUUID().slice(0, 8)}`;
  const mock = await startMockLlm({ latencyMs: 40, jitterMs: 10, ...options.mock, apiKey: PROVIDER_KEY });
  const db = await createTestDatabase({ migrate: false });
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    REDIS_URL,
    GTR_QUEUE_PREFIX: prefix,
    OPENAI_API_KEY: PROVIDER_KEY,
    OPENAI_BASE_URL: mock.url,
    GTR_ADMIN_API_KEY: adminKey,
    GTR_DATA_DIR: `/tmp/${prefix}`,
    PORT: String(port),
    LOG_LEVEL: 'info',
    ...options.env,
  };
  const cliEnv = { GTR_API_URL: apiUrl, GTR_API_KEY: adminKey, GTR_DATA_DIR: `/tmp/${prefix}-cli` };
  const processes: Proc[] = [];
  const logs = () => processes.map((p) => p.output()).join('\n');

  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await mock.close();
    await db.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  };

  try {
    runMigrations(env);
    const api = startProcess('api', API_MAIN, env);
    processes.push(api);
    const workers = [1, 2].map((i) =>
      startProcess(`worker-${i}`, WORKER_MAIN, {
        ...env,
        GTR_WORKER_PORT: '0',
        GTR_WORKER_ID: `worker-${i}`,
      }),
    );
    processes.push(...workers);
    await waitForReady(apiUrl, api);
    await Promise.all(workers.map((w) => waitForWorker(w)));
    return {
      mock,
      db,
      api,
      workers,
      apiUrl,
      adminKey,
      providerKey: PROVIDER_KEY,
      env,
      cliEnv,
      logs,
      stop,
      call: async <T>(method: string, path: string, body?: unknown) => {
        const res = await fetch(`${apiUrl}${path}`, {
          method,
          headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as T };
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
