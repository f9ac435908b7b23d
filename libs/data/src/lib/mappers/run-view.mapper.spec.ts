import { RunAttemptEntity } from '../entities/run-attempt.entity';
import { RunEntity } from '../entities/run.entity';
import { toAttemptView } from './attempt-view.mapper';
import { toRunDetailView, toRunView } from './run-view.mapper';

function run(overrides: Partial<RunEntity> = {}): RunEntity {
  return Object.assign(new RunEntity(), {
    id: 'r1',
    tenantId: 't1',
    status: 'failed',
    taskId: null,
    taskVersion: null,
    batchId: null,
    batchRow: null,
    scheduleId: null,
    provider: 'openai',
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
    params: {},
    outputSchema: null,
    input: null,
    outputText: null,
    outputJson: null,
    finishReason: null,
    promptTokens: null,
    completionTokens: null,
    totalTokens: null,
    cachedTokens: null,
    costUsd: null,
    errorCode: null,
    errorMessage: null,
    attemptCount: 1,
    maxAttempts: 3,
    timeoutMs: 1000,
    metadata: {},
    idempotencyKey: null,
    claimedBy: null,
    claimedAt: null,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    queuedAt: null,
    startedAt: new Date('2026-01-01T00:00:01.000Z'),
    finishedAt: new Date('2026-01-01T00:00:03.500Z'),
    nextAttemptAt: null,
    ...overrides,
  });
}

function attempt(number: number, overrides: Partial<RunAttemptEntity> = {}): RunAttemptEntity {
  return Object.assign(new RunAttemptEntity(), {
    id: `a${number}`,
    runId: 'r1',
    number,
    startedAt: new Date('2026-01-01T00:00:01.000Z'),
    finishedAt: null,
    latencyMs: null,
    httpStatus: null,
    errorCode: null,
    errorMessage: null,
    rateLimitWaitMs: 0,
    promptTokens: null,
    completionTokens: null,
    totalTokens: null,
    cachedTokens: null,
    providerRequestId: null,
    workerId: 'w',
    ...overrides,
  });
}

describe('run view mappers', () => {
  it('maps timings to ISO strings and a duration', () => {
    const view = toRunView(run());
    expect(view).toMatchObject({
      createdAt: '2026-01-01T00:00:00.000Z',
      startedAt: '2026-01-01T00:00:01.000Z',
      finishedAt: '2026-01-01T00:00:03.500Z',
      durationMs: 2500,
      output: null,
      usage: null,
      error: null,
    });
    expect(toRunView(run({ finishedAt: null })).durationMs).toBeNull();
  });

  it('maps an error code this version does not know to E_UNKNOWN, and fills a missing message', () => {
    expect(toRunView(run({ errorCode: 'E_FROM_THE_FUTURE', errorMessage: 'x' })).error).toEqual({
      code: 'E_UNKNOWN',
      message: 'x',
    });
    expect(toRunView(run({ errorCode: 'E_TIMEOUT' })).error).toEqual({
      code: 'E_TIMEOUT',
      message: 'The provider did not answer in time.',
    });
  });

  it('fills missing token fields from the ones reported', () => {
    expect(toRunView(run({ promptTokens: 10, completionTokens: 4 })).usage).toEqual({
      promptTokens: 10,
      completionTokens: 4,
      totalTokens: 14,
      cachedTokens: 0,
    });
    expect(toRunView(run({ totalTokens: 9 })).usage).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 9,
      cachedTokens: 0,
    });
  });

  it('shows output when there is text or JSON', () => {
    expect(toRunView(run({ outputJson: { a: 1 } })).output).toEqual({ text: null, json: { a: 1 } });
    expect(toRunView(run({ outputText: 'hi' })).output).toEqual({ text: 'hi', json: null });
  });

  it('orders attempts by number and maps their fields', () => {
    const detail = toRunDetailView(run(), [
      attempt(2, { errorCode: 'E_NOPE', finishedAt: new Date('2026-01-01T00:00:02.000Z') }),
      attempt(1, { errorCode: 'E_RATE_LIMIT' }),
    ]);
    expect(detail.attempts.map((a) => [a.number, a.errorCode])).toEqual([
      [1, 'E_RATE_LIMIT'],
      [2, 'E_UNKNOWN'],
    ]);
    expect(toAttemptView(attempt(3))).toEqual({
      number: 3,
      startedAt: '2026-01-01T00:00:01.000Z',
      finishedAt: null,
      latencyMs: null,
      httpStatus: null,
      errorCode: null,
      errorMessage: null,
      rateLimitWaitMs: 0,
      usage: null,
      providerRequestId: null,
    });
  });
});
