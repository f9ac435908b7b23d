import { runFixture } from '@gtr/client/testing';
import { formatProgress } from './format-progress';

const attempt = (number: number, errorCode: 'E_RATE_LIMIT' | null) => ({
  number,
  startedAt: '2025-05-01T12:00:00.000Z',
  finishedAt: null,
  latencyMs: null,
  httpStatus: null,
  errorCode,
  errorMessage: null,
  rateLimitWaitMs: 0,
  usage: null,
  providerRequestId: null,
});

describe('formatProgress', () => {
  it('shows the short id and status', () => {
    expect(formatProgress(runFixture({ status: 'queued' }))).toBe('7f1c2d3e queued');
  });

  it('shows the attempt number and why it is retrying', () => {
    const run = runFixture({
      status: 'retrying',
      attemptCount: 2,
      attempts: [attempt(1, null), attempt(2, 'E_RATE_LIMIT')],
    });
    expect(formatProgress(run)).toBe('7f1c2d3e retrying (attempt 2) after E_RATE_LIMIT');
    expect(formatProgress({ ...run, status: 'running' })).toBe('7f1c2d3e running (attempt 2)');
    expect(formatProgress({ ...run, attempts: [attempt(1, null)] })).toBe('7f1c2d3e retrying (attempt 2)');
  });
});
