import { rateLimitCostOf, toChatCompletionBody } from '@gtr/engine';
import OpenAI from 'openai';
import { benchRequest } from './bench-request';
import { runPool } from './run-pool';
import { type WorkerResult, type WorkerTask } from './worker-messages';

/** The baseline: the plain SDK at a fixed concurrency, retrying 429s as it does by itself. */
export async function driveRaw(task: WorkerTask): Promise<WorkerResult> {
  const client = new OpenAI({
    apiKey: 'sk-bench',
    baseURL: task.mockUrl,
    ...(task.sdkMaxRetries !== undefined && { maxRetries: task.sdkMaxRetries }),
  });
  const result: WorkerResult = { type: 'result', completed: [], failed: 0, limiterWaitMs: 0 };
  await runPool(task.requests, task.concurrency, async (index) => {
    const request = benchRequest(task.worker, index, task.maxTokens);
    try {
      await client.chat.completions.create(toChatCompletionBody(request));
      result.completed.push({ at: Date.now(), tokens: rateLimitCostOf(request).tokens });
    } catch {
      result.failed += 1;
    }
  });
  return result;
}
