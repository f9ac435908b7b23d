import { type MockLlm, startMockLlm } from '@gtr/mock-llm';
import { openAiBatchClient } from './batch-api-client';

describe('openAiBatchClient against the mock Batch API', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm({ apiKey: 'sk-client-spec', batchDelayMs: 0 });
  });
  afterAll(() => mock.close());

  it('uploads, creates, polls and reads a batch, and reports why the provider failed one', async () => {
    const client = openAiBatchClient({ apiKey: 'sk-client-spec', baseURL: mock.url });
    const line = {
      custom_id: 'r1',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'm', messages: [{ role: 'user', content: 'Say ok' }] },
    };
    const good = await client.uploadInput('good.jsonl', Buffer.from(`${JSON.stringify(line)}\n`));
    const created = await client.createBatch(good, { gtr_batch_id: 'b' });
    expect(created).toMatchObject({
      status: 'validating',
      completedCount: 0,
      outputFileId: null,
      errors: [],
    });
    const done = await client.retrieveBatch(created.id);
    expect(done).toMatchObject({ status: 'completed', completedCount: 1, failedCount: 0, errorFileId: null });
    expect(JSON.parse(await client.fileText(done.outputFileId ?? ''))).toMatchObject({ custom_id: 'r1' });

    const bad = await client.uploadInput('bad.jsonl', Buffer.from('not json\n'));
    const failed = await client.retrieveBatch((await client.createBatch(bad, {})).id);
    expect(failed).toMatchObject({
      status: 'failed',
      errors: ['line 1: invalid_json_line: This line is not parseable as valid JSON.'],
    });
    await expect(client.cancelBatch(failed.id)).rejects.toMatchObject({ status: 409 });
  });
});
