import { runFixture } from '@gtr/client/testing';
import { formatRunDetail } from './format-run-detail';
import { outputText } from './output-text';

describe('formatRunDetail', () => {
  it('shows fields, the attempts table and the output', () => {
    const text = formatRunDetail(
      runFixture({
        status: 'succeeded',
        startedAt: '2025-05-01T12:00:01.000Z',
        finishedAt: '2025-05-01T12:00:03.000Z',
        durationMs: 2000,
        usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7, cachedTokens: 0 },
        costUsd: 0.00002,
        finishReason: 'stop',
        batchId: 'batch-1',
        taskId: 'task-1',
        taskVersion: 2,
        idempotencyKey: 'k-1',
        metadata: { team: 'search' },
        output: { text: 'Hello there', json: null },
        attemptCount: 2,
        attempts: [
          {
            number: 1,
            startedAt: '2025-05-01T12:00:01.000Z',
            finishedAt: '2025-05-01T12:00:01.300Z',
            latencyMs: 300,
            httpStatus: 429,
            errorCode: 'E_RATE_LIMIT',
            errorMessage: 'slow down',
            rateLimitWaitMs: 1500,
            usage: null,
            providerRequestId: null,
          },
          {
            number: 2,
            startedAt: '2025-05-01T12:00:02.000Z',
            finishedAt: null,
            latencyMs: null,
            httpStatus: null,
            errorCode: null,
            errorMessage: null,
            rateLimitWaitMs: 0,
            usage: null,
            providerRequestId: null,
          },
        ],
      }),
    );
    expect(text).toBe(
      [
        'ID           7f1c2d3e-0000-4000-8000-000000000001',
        'Status       succeeded',
        'Model        gpt-4o-mini (dry-run)',
        'Created      2025-05-01T12:00:00Z',
        'Started      2025-05-01T12:00:01Z',
        'Finished     2025-05-01T12:00:03Z',
        'Duration     2.0s',
        'Tokens       3 prompt + 4 completion tokens',
        'Cost         $0.00002',
        'Finish       stop',
        'Batch        batch-1',
        'Task         task-1 v2',
        'Idempotency  k-1',
        'Metadata     {"team":"search"}',
        '',
        'ATTEMPT  STARTED               LATENCY  HTTP  RATE-LIMIT WAIT  ERROR',
        '#1       2025-05-01T12:00:01Z  300ms    429   1.5s             E_RATE_LIMIT: slow down',
        '#2       2025-05-01T12:00:02Z  -        -     -                -',
        '',
        'Hello there',
        '',
      ].join('\n'),
    );
  });

  it('shows the error of a failed run and dashes for what is unknown', () => {
    const text = formatRunDetail(
      runFixture({
        status: 'failed',
        error: { code: 'E_TIMEOUT', message: 'no answer' },
        taskId: 't',
        taskVersion: null,
      }),
    );
    expect(text).toContain('Error     E_TIMEOUT: no answer\n');
    expect(text).toContain('Task      t v?\n');
    expect(text).toContain('Tokens    -\nCost      -\n');
    expect(text).not.toContain('ATTEMPT');
  });

  it('says when the run was answered from the response cache', () => {
    const text = formatRunDetail(runFixture({ status: 'succeeded', cached: true, costUsd: 0 }));
    expect(text.split('\n')).toContain('Cache     answered from the response cache (no provider call)');
    expect(formatRunDetail(runFixture())).not.toContain('Cache');
  });

  it('pretty-prints a JSON output and keeps a trailing newline once', () => {
    expect(formatRunDetail(runFixture({ output: { text: null, json: { a: 1 } } }))).toMatch(
      /\n\{\n {2}"a": 1\n\}\n$/,
    );
    expect(formatRunDetail(runFixture({ output: { text: 'line\n', json: null } }))).toMatch(/\n\nline\n$/);
  });
});

describe('outputText', () => {
  it('prefers text, then JSON, else null', () => {
    expect(outputText({ output: null })).toBeNull();
    expect(outputText({ output: { text: '', json: { a: 1 } } })).toBe('');
    expect(outputText({ output: { text: null, json: [1] } })).toBe('[\n  1\n]');
    expect(outputText({ output: { text: null, json: null } })).toBeNull();
  });
});
