import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startMockLlm } from '@gtr/mock-llm';
import { type BenchOptions } from './bench-options';
import { type Scenario } from './scenario';
import { type ScenarioOutcome } from './scenario-outcome';
import { deleteKeys } from '../support/redis-keys';
import { nextMessage, sendTo } from './worker-ipc';
import { type WorkerResult } from './worker-messages';

/** Retries of the plain SDK baseline: enough that no request fails for lack of them. */
const RAW_SDK_MAX_RETRIES = 10;

/** Worker processes sharing one Redis, as worker pods do. */
export const WORKER_PROCESSES = 2;

/** Starts a mock with the scenario's limits, runs it from two worker processes and measures. */
export async function runScenario(scenario: Scenario, options: BenchOptions): Promise<ScenarioOutcome> {
  const mock = await startMockLlm({
    rpm: scenario.rpm,
    tpm: scenario.tpm,
    limitWindow: 'second',
    latencyMs: options.latencyMs,
    jitterMs: Math.round(options.latencyMs / 3),
    seed: 7,
  });
  const prefix = `gtr-bench-${randomUUID().slice(0, 8)}`;
  const workers = Array.from({ length: WORKER_PROCESSES }, () => fork(join(__dirname, 'worker-main.js')));
  try {
    const ready = workers.map((worker) => nextMessage(worker, 'ready'));
    workers.forEach((worker, index) =>
      sendTo(worker, {
        type: 'task',
        worker: index,
        driver: scenario.driver,
        mockUrl: mock.url,
        redisUrl: options.redisUrl,
        prefix,
        limits:
          scenario.driver === 'configured'
            ? { requestsPerMinute: scenario.rpm, tokensPerMinute: scenario.tpm }
            : {},
        policy: { jitterMs: options.jitterMs },
        requests: share(scenario.requests, index),
        concurrency: options.concurrency,
        maxTokens: options.maxTokens,
        sdkMaxRetries: RAW_SDK_MAX_RETRIES,
      }),
    );
    await Promise.all(ready);

    const results = workers.map((worker) => nextMessage(worker, 'result') as Promise<WorkerResult>);
    const startedAt = Date.now();
    workers.forEach((worker) => sendTo(worker, { type: 'go' }));
    const done = await Promise.all(results);

    const completed = done.flatMap((result) => result.completed);
    const { chatCompletions } = mock.stats();
    return {
      scenario,
      completed,
      failed: done.reduce((sum, result) => sum + result.failed, 0),
      answered: { ok: chatCompletions.ok, rateLimited: chatCompletions.rateLimited },
      wallMs: Math.max(startedAt, ...completed.map((c) => c.at)) - startedAt,
      startedAt,
      limiterWaitMs: done.reduce((sum, result) => sum + result.limiterWaitMs, 0),
    };
  } finally {
    workers.forEach((worker) => worker.connected && worker.kill());
    await mock.close();
    await deleteKeys(options.redisUrl, prefix);
  }
}

/** Worker `index`'s part of `total` requests. */
function share(total: number, index: number): number {
  return Math.floor(total / WORKER_PROCESSES) + (index < total % WORKER_PROCESSES ? 1 : 0);
}
