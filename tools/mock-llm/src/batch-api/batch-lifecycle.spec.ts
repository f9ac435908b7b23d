import { DEFAULT_CONFIG } from '../options/default-config';
import { MockLlmState } from '../server/mock-llm-state';
import { advanceBatch } from './batch-lifecycle';
import { type StoredBatch } from './batch-objects';
import { parseInputFile, MAX_BATCH_REQUESTS } from './parse-input-file';

function storedBatch(ageMs: number): StoredBatch {
  return {
    object: {
      id: 'batch_1',
      object: 'batch',
      endpoint: '/v1/chat/completions',
      errors: null,
      input_file_id: 'file-1',
      completion_window: '24h',
      status: 'validating',
      output_file_id: null,
      error_file_id: null,
      created_at: 0,
      in_progress_at: null,
      expires_at: 0,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: 1, completed: 0, failed: 0 },
      metadata: null,
    },
    createdMs: Date.now() - ageMs,
    lines: [{ custom_id: 'a', body: { model: 'm', messages: [{ role: 'user', content: 'Say a' }] } }],
    processing: null,
  };
}

describe('a batch on the clock', () => {
  const state = new MockLlmState({ ...DEFAULT_CONFIG, batchDelayMs: 1000 });

  it.each([
    [0, 'validating'],
    [600, 'in_progress'],
    [1200, 'completed'],
  ])('after %i ms of 1000 it is %s', async (age, status) => {
    expect((await advanceBatch(state, storedBatch(age))).status).toBe(status);
  });
});

describe('parseInputFile', () => {
  it('refuses an empty file and more than 50,000 requests', () => {
    expect(parseInputFile('\n', '/v1/chat/completions')).toMatchObject({
      ok: false,
      errors: [{ code: 'empty_file' }],
    });
    const line = (i: number) =>
      JSON.stringify({ custom_id: `r${i}`, method: 'POST', url: '/v1/chat/completions', body: {} });
    const text = Array.from({ length: MAX_BATCH_REQUESTS + 1 }, (_, i) => line(i)).join('\n');
    expect(parseInputFile(text, '/v1/chat/completions')).toMatchObject({
      ok: false,
      errors: [{ code: 'too_many_requests', line: null }],
    });
  });
});
