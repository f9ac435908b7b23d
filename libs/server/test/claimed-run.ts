import { type ClaimedRun } from '@gtr/data';

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
