import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@gtr/config';
import { type CreateRunInput } from '@gtr/data';
import { type RunDetailView, type RunStatus, type RunView } from '@gtr/domain';
import { type MockLlm, type MockLlmOptions, promptFingerprint, startMockLlm } from '@gtr/mock-llm';
import { QueueName } from '@gtr/queue';
import { createTestDatabase, createTestTenant, type TestDatabase } from '@gtr/testing';
import {
  RUN_CONTROL_CHANNEL,
  type RunCancelMessage,
  RunWorker,
  type RunWorkerOptions,
  type Runtime,
  type RuntimeQueueOptions,
  createRuntime,
  notifyRunChanged,
  runJobId,
} from '../src';
import { capturingLogger } from './capturing-logger';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis-test-keys';
import { waitFor } from './wait-for';

/** The key the runtimes send and the mock requires. */
export const TEST_OPENAI_KEY = 'sk-test-harness-0123456789abcdefghij';

export interface RunnerHarnessOptions {
  /** BullMQ and Redis pub/sub (unique prefix, keys deleted on close); default in-process. */
  redis?: boolean;
  /** Options of the mock-llm server (its `apiKey` is always {@link TEST_OPENAI_KEY}). */
  mock?: MockLlmOptions;
  /** Environment of every node, over the harness defaults. */
  env?: Record<string, string>;
  /** Default: backoff 20 ms doubling to 200 ms; the reconcile loop effectively off (call `reconcileNow`). */
  worker?: RunWorkerOptions;
  /** Default: a stopping worker waits 200 ms for calls in flight before aborting them. */
  queue?: RuntimeQueueOptions;
  /** Start the first node's worker (default true). */
  start?: boolean;
}

/** One process of the system under test: a runtime and its worker. */
export interface RunnerNode {
  runtime: Runtime;
  worker: RunWorker;
  /** Every JSON log line it wrote (level info and above). */
  logs: string[];
}

/** What `attempts` gives: the stored attempt rows, with the worker that made each. */
export interface AttemptRow {
  number: number;
  workerId: string | null;
  errorCode: string | null;
  httpStatus: number | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface RunnerHarness {
  mock: MockLlm;
  db: TestDatabase;
  prefix: string;
  tenantId: string;
  nodes: RunnerNode[];
  /** The first node's runtime and worker. */
  runtime: Runtime;
  worker: RunWorker;
  /** Another process on the same database, queue prefix and mock. */
  addNode(options?: { env?: Record<string, string>; start?: boolean; prefix?: string }): Promise<RunnerNode>;
  /** A prompt no other test sends: `Say <label>-<random> <suffix>` (suffix: fail markers). */
  prompt(label: string, suffix?: string): string;
  /** Inserts an openai run of `prompt` as the api does and, unless `enqueue: false`, enqueues it. */
  createRun(
    prompt: string,
    overrides?: Partial<CreateRunInput>,
    options?: { enqueue?: boolean },
  ): Promise<RunView>;
  /** Adds the run's job (`jobId` default: its first attempt's). */
  enqueue(runId: string, jobId?: string): Promise<void>;
  /** Cancels as the api's CancelRunUseCase does: guarded update, then the control message. */
  cancel(runId: string): Promise<RunView | null>;
  detail(runId: string): Promise<RunDetailView>;
  attempts(runId: string): Promise<AttemptRow[]>;
  waitForStatus(runId: string, statuses: RunStatus[], timeoutMs?: number): Promise<RunDetailView>;
  /** How many chat completions the mock received with exactly this user prompt. */
  callsFor(prompt: string): number;
  /** Waits until no node's queue has an active or waiting job (delayed ones may remain). */
  waitForIdle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts mock-llm, a fresh Postgres database and one node (runtime + worker) configured from the
 * environment as a real process is: provider `openai` with `OPENAI_BASE_URL` = the mock.
 */
export async function startRunnerHarness(options: RunnerHarnessOptions = {}): Promise<RunnerHarness> {
  const prefix = uniquePrefix('server');
  const mock = await startMockLlm({ ...options.mock, apiKey: TEST_OPENAI_KEY });
  const dataDir = mkdtempSync(join(tmpdir(), 'gtr-server-test-'));
  let db: TestDatabase;
  try {
    db = await createTestDatabase({ poolSize: 1 });
  } catch (error) {
    await mock.close();
    throw error;
  }
  const nodes: RunnerNode[] = [];
  const prefixes = new Set([prefix]);

  const addNode: RunnerHarness['addNode'] = async (nodeOptions = {}) => {
    prefixes.add(nodeOptions.prefix ?? prefix);
    const { logger, lines: logs } = capturingLogger('server-test');
    const config = loadConfig({
      DATABASE_URL: db.url,
      OPENAI_API_KEY: TEST_OPENAI_KEY,
      OPENAI_BASE_URL: mock.url,
      LOG_LEVEL: 'silent',
      GTR_DATA_DIR: dataDir,
      GTR_QUEUE_PREFIX: nodeOptions.prefix ?? prefix,
      GTR_WORKER_ID: `worker-${nodes.length + 1}`,
      GTR_WORKER_CONCURRENCY: '4',
      GTR_RUN_TIMEOUT_MS: '10000',
      ...(options.redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
      ...options.env,
      ...nodeOptions.env,
    });
    const runtime = await createRuntime(config, {
      service: 'worker',
      migrate: false,
      logger,
      queue: { closeGraceMs: 200, abortGraceMs: 2_000, ...options.queue },
    });
    const worker = new RunWorker(runtime, {
      ...options.worker,
      retry: { baseDelayMs: 20, maxDelayMs: 200, ...options.worker?.retry },
      reconciler: { intervalMs: 3_600_000, ...options.worker?.reconciler },
    });
    const node = { runtime, worker, logs };
    nodes.push(node);
    if (nodeOptions.start ?? true) await worker.start();
    return node;
  };

  let first: RunnerNode;
  let tenantId: string;
  try {
    first = await addNode({ start: options.start ?? true });
    tenantId = (await createTestTenant(first.runtime.dataSource)).id;
  } catch (error) {
    await Promise.all(nodes.map((node) => node.runtime.close()));
    await Promise.all([mock.close(), db.drop()]);
    throw error;
  }
  const { runtime } = first;

  const detail = async (runId: string): Promise<RunDetailView> => {
    const run = await runtime.repositories.runs.findDetail(tenantId, runId);
    if (!run) throw new Error(`run ${runId} not found`);
    return run;
  };

  const harness: RunnerHarness = {
    mock,
    db,
    prefix,
    tenantId,
    nodes,
    runtime,
    worker: first.worker,
    addNode,
    prompt: (label, suffix = '') =>
      `Say ${label}-${Math.random().toString(36).slice(2, 10)}${suffix ? ` ${suffix}` : ''}`,
    async createRun(prompt, overrides = {}, createOptions = {}) {
      const { config } = runtime;
      const { run } = await runtime.repositories.runs.create(tenantId, {
        provider: 'openai',
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: prompt }],
        params: {},
        metadata: {},
        maxAttempts: config.GTR_MAX_ATTEMPTS,
        timeoutMs: config.GTR_RUN_TIMEOUT_MS,
        ...overrides,
      });
      if (createOptions.enqueue ?? true) await harness.enqueue(run.id);
      return run;
    },
    enqueue: (runId, jobId = runJobId(runId, 1)) =>
      runtime.queue.add(QueueName.Runs, { id: jobId, payload: { runId, tenantId } }),
    async cancel(runId) {
      const cancelled = await runtime.repositories.runs.cancel(tenantId, runId);
      if (!cancelled) return null;
      const message: RunCancelMessage = { type: 'run.cancel', runId };
      await runtime.events.publish(RUN_CONTROL_CHANNEL, message);
      await notifyRunChanged(runtime.events, { tenantId, runId, status: cancelled.status, batchId: null });
      return cancelled;
    },
    detail,
    async attempts(runId) {
      const rows: Array<Record<string, unknown>> = await runtime.dataSource.query(
        `SELECT number, worker_id, error_code, http_status, started_at, finished_at
           FROM run_attempts WHERE run_id = $1 ORDER BY number`,
        [runId],
      );
      return rows.map((row) => ({
        number: row['number'] as number,
        workerId: row['worker_id'] as string | null,
        errorCode: row['error_code'] as string | null,
        httpStatus: row['http_status'] as number | null,
        startedAt: row['started_at'] as Date,
        finishedAt: row['finished_at'] as Date | null,
      }));
    },
    async waitForStatus(runId, statuses, timeoutMs = 10_000) {
      let last: RunDetailView | undefined;
      return waitFor(
        async () => {
          last = await detail(runId);
          return statuses.includes(last.status) ? last : undefined;
        },
        {
          timeoutMs,
          describe: () => `run ${runId} is ${last?.status}, wanted ${statuses.join(' or ')}`,
        },
      );
    },
    callsFor: (prompt) =>
      mock.stats().promptCounts[promptFingerprint([{ role: 'user', content: prompt }])] ?? 0,
    async waitForIdle(timeoutMs = 10_000) {
      await waitFor(
        async () => {
          for (const node of nodes) {
            const counts = await node.runtime.queue.counts(QueueName.Runs);
            if (counts.active + counts.waiting > 0) return undefined;
          }
          return true;
        },
        { timeoutMs, describe: () => 'jobs still active or waiting' },
      );
    },
    async close() {
      for (const node of nodes) {
        await node.worker.stop().catch(() => undefined);
        await node.runtime.close();
      }
      await mock.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
      if (options.redis) for (const used of prefixes) await deleteKeys(used);
    },
  };
  return harness;
}
