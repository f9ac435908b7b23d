import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startMockLlm } from '@gtr/mock-llm';
import { Redis } from 'ioredis';
import { type BenchOptions } from './bench-options';
import { type Scenario } from './scenario';
import { type ScenarioOutcome } from './scenario-outcome';
import { type ParentMessage, type WorkerMessage, type WorkerResult } from './worker-messages';

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

function sendTo(worker: ChildProcess, message: ParentMessage): void {
  worker.send(message);
}

/** The next message of `type` from `worker`; rejects on an error message or an early exit. */
function nextMessage(worker: ChildProcess, type: WorkerMessage['type']): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'error') settle(() => reject(new Error(`worker failed: ${message.message}`)));
      else if (message.type === type) settle(() => resolve(message));
    };
    const onExit = (code: number | null) =>
      settle(() => reject(new Error(`worker exited (${code}) before '${type}'`)));
    const settle = (finish: () => void) => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      finish();
    };
    worker.on('message', onMessage);
    worker.on('exit', onExit);
  });
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
