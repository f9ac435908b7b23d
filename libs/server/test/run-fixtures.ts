import { type ClaimedRun } from '@gtr/data';
import { type CompletionResult } from '@gtr/engine';

/** A claimed run as the executor gets it, for unit specs; `overrides` over a plain first attempt. */
export function claimedRun(overrides: Partial<ClaimedRun> = {}): ClaimedRun {
  return {
    runId: 'run-1',
    tenantId: 'tenant-1',
    batchId: null,
    createdAt: new Date(),
    attemptNumber: 1,
    maxAttempts: 3,
    timeoutMs: 5_000,
    provider: 'fake',
    model: 'model-without-a-price',
    messages: [{ role: 'user', content: 'hi' }],
    params: {},
    outputSchema: null,
    cacheTtlSeconds: null,
    ...overrides,
  };
}

/** A provider's answer `hello` to a 3-token prompt, for unit specs. */
export const ANSWER: CompletionResult = {
  text: 'hello',
  usage: { promptTokens: 3, completionTokens: 1, totalTokens: 4, cachedTokens: 0 },
  finishReason: 'stop',
  providerRequestId: 'req_1',
  httpStatus: 200,
  rateLimit: null,
};
