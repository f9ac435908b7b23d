import { type RunDetailView } from '@gtr/domain';

export function runFixture(overrides: Partial<RunDetailView> = {}): RunDetailView {
  return {
    id: '7f1c2d3e-0000-4000-8000-000000000001',
    status: 'queued',
    provider: 'dry-run',
    model: 'gpt-4o-mini',
    taskId: null,
    taskVersion: null,
    batchId: null,
    messages: [{ role: 'user', content: 'hello' }],
    params: {},
    output: null,
    finishReason: null,
    usage: null,
    costUsd: null,
    cached: false,
    error: null,
    attemptCount: 0,
    metadata: {},
    idempotencyKey: null,
    createdAt: '2025-05-01T12:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    attempts: [],
    ...overrides,
  };
}
