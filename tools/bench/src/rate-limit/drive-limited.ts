import {
  type AttemptOutcome,
  ConcurrencyController,
  executeAttempt,
  loadSignalOf,
  OpenAIProvider,
  rateLimitCostOf,
  rateLimitKey,
  type RateLimiter,
  recordRateLimitOutcome,
} from '@gtr/engine';
import { BENCH_MODEL, benchRequest } from './bench-request';
import { runPool } from './run-pool';
import { type WorkerResult, type WorkerTask } from './worker-messages';

const PROVIDER_NAME = 'mock';
const MAX_ATTEMPTS = 10;

/**
 * The executor's wiring in miniature: per call an adaptive-concurrency slot, then the limiter's
 * slot, the attempt, and the outcome reported back to both. A 429 is retried at once: the
 * limiter holds the retry until the key's pause is over.
 */
export async function driveLimited(task: WorkerTask, limiter: RateLimiter): Promise<WorkerResult> {
  const provider = new OpenAIProvider({ name: PROVIDER_NAME, apiKey: 'sk-bench', baseURL: task.mockUrl });
  const key = rateLimitKey(PROVIDER_NAME, BENCH_MODEL);
  const concurrency = new ConcurrencyController({ max: task.concurrency });
  const result: WorkerResult = { type: 'result', completed: [], failed: 0, limiterWaitMs: 0 };

  await runPool(task.requests, task.concurrency, async (index) => {
    const request = benchRequest(task.worker, index, task.maxTokens);
    const cost = rateLimitCostOf(request);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const permit = await concurrency.acquire(key);
      let outcome: AttemptOutcome | undefined;
      try {
        result.limiterWaitMs += (await limiter.acquire(key, cost, task.limits)).waitedMs;
        outcome = await executeAttempt(provider, request, { timeoutMs: 30_000 });
        await recordRateLimitOutcome(limiter, key, cost, outcome);
      } finally {
        permit.release(outcome ? loadSignalOf(outcome) : 'neutral');
      }
      if (outcome.ok) {
        result.completed.push({ at: Date.now(), tokens: cost.tokens });
        return;
      }
      if (!outcome.error.retryable) break;
    }
    result.failed += 1;
  });
  return result;
}
