import { runFixture } from '@gtr/client/testing';
import { formatSummary } from './format-summary';

describe('formatSummary', () => {
  it('lists model, status, tokens, cost and duration', () => {
    const run = runFixture({
      status: 'succeeded',
      usage: { promptTokens: 12, completionTokens: 34, totalTokens: 46, cachedTokens: 0 },
      costUsd: 0.000123,
      durationMs: 1200,
      attemptCount: 1,
    });
    expect(formatSummary(run)).toBe(
      'gpt-4o-mini · succeeded · 12 prompt + 34 completion tokens · $0.000123 · 1.2s',
    );
  });

  it('leaves out what is unknown and counts retries', () => {
    expect(formatSummary(runFixture({ status: 'failed', attemptCount: 3 }))).toBe(
      'gpt-4o-mini · failed · 3 attempts',
    );
  });

  it('says when the answer came from the response cache', () => {
    expect(formatSummary(runFixture({ status: 'succeeded', costUsd: 0, cached: true, durationMs: 3 }))).toBe(
      'gpt-4o-mini · succeeded · $0 · from cache · 3ms',
    );
  });

  it('shows a known zero cost', () => {
    expect(formatSummary(runFixture({ status: 'succeeded', costUsd: 0 }))).toBe(
      'gpt-4o-mini · succeeded · $0',
    );
  });
});
