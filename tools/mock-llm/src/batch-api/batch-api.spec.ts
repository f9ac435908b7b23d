import { toFile, type APIError, type OpenAI } from 'openai';
import { promptFingerprint } from '../completions/prompt-fingerprint';
import { startMockLlm, type MockLlm } from '../start-mock-llm';
import { adminUrl, rejection, sdk } from '../../test/http-helpers';

function requestLine(customId: string, content: string, extra: Record<string, unknown> = {}) {
  return {
    custom_id: customId,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content }] },
    ...extra,
  };
}

function jsonl(lines: unknown[]): string {
  return lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
}

async function upload(client: OpenAI, text: string) {
  return client.files.create({ file: await toFile(Buffer.from(text), 'input.jsonl'), purpose: 'batch' });
}

async function createBatch(client: OpenAI, text: string) {
  const file = await upload(client, text);
  return client.batches.create({
    input_file_id: file.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
    metadata: { chunk: '1' },
  });
}

async function linesOf(client: OpenAI, fileId: string | null | undefined) {
  if (!fileId) return [];
  const text = await (await client.files.content(fileId)).text();
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('Batch API', () => {
  let mock: MockLlm;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await startMockLlm({ batchDelayMs: 0 });
    client = sdk(mock);
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset({ options: true }));

  it('uploads a file and serves its object and bytes', async () => {
    const file = await upload(client, 'hello\n');
    expect(file).toMatchObject({ object: 'file', bytes: 6, filename: 'input.jsonl', purpose: 'batch' });
    expect(file.id).toMatch(/^file-[0-9a-f]{24}$/);
    expect(await client.files.retrieve(file.id)).toEqual(file);
    expect(await (await client.files.content(file.id)).text()).toBe('hello\n');
  });

  it('answers every line like a chat completion, 200s in the output file and the rest in the error file', async () => {
    const input = jsonl([
      requestLine('run-1', 'Say one'),
      requestLine('run-2', 'Please [[fail:500]]'),
      requestLine('run-3', 'Say three'),
      requestLine('run-4', 'Then [[fail:hang]]'),
      requestLine('run-5', 'Now [[fail:malformed]]'),
      '',
    ]);
    const created = await createBatch(client, input);
    expect(created).toMatchObject({
      object: 'batch',
      status: 'validating',
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      request_counts: { total: 5, completed: 0, failed: 0 },
      metadata: { chunk: '1' },
    });
    const done = await client.batches.retrieve(created.id);
    expect(done).toMatchObject({
      status: 'completed',
      request_counts: { total: 5, completed: 2, failed: 3 },
    });
    expect(done.in_progress_at).not.toBeNull();
    expect(done.completed_at).not.toBeNull();

    const output = await linesOf(client, done.output_file_id);
    expect(output.map((line) => line['custom_id'])).toEqual(['run-1', 'run-3']);
    expect(output[0]).toMatchObject({
      error: null,
      response: {
        status_code: 200,
        body: { object: 'chat.completion', choices: [{ message: { content: 'one' } }] },
      },
    });
    const errors = await linesOf(client, done.error_file_id);
    expect(errors).toEqual([
      expect.objectContaining({
        custom_id: 'run-2',
        error: null,
        response: expect.objectContaining({
          status_code: 500,
          body: { error: expect.objectContaining({ type: 'server_error' }) },
        }),
      }),
      expect.objectContaining({
        custom_id: 'run-4',
        response: null,
        error: expect.objectContaining({ code: 'batch_expired' }),
      }),
      expect.objectContaining({
        custom_id: 'run-5',
        response: expect.objectContaining({ status_code: 500 }),
      }),
    ]);
    // Reading it again neither re-runs the lines nor changes the result.
    expect(await client.batches.retrieve(created.id)).toEqual(done);
    const stats = mock.stats();
    expect(stats.byPath['POST /v1/chat/completions']).toBe(5);
    expect(stats.chatCompletions).toMatchObject({ ok: 2, serverErrors: 2, aborted: 1 });
    expect(stats.promptCounts[promptFingerprint([{ role: 'user', content: 'Say one' }])]).toBe(1);
  });

  it('counts a line sent twice as a duplicate prompt', async () => {
    const first = await createBatch(client, jsonl([requestLine('a', 'Say again')]));
    const second = await createBatch(client, jsonl([requestLine('b', 'Say again')]));
    await client.batches.retrieve(first.id);
    await client.batches.retrieve(second.id);
    expect(mock.duplicates()).toEqual([
      { fingerprint: promptFingerprint([{ role: 'user', content: 'Say again' }]), count: 2 },
    ]);
  });

  it('writes no output file when every line failed', async () => {
    mock.configure({ quotaExhausted: true });
    const created = await createBatch(client, jsonl([requestLine('a', 'Say x')]));
    const done = await client.batches.retrieve(created.id);
    expect(done).toMatchObject({ status: 'completed', output_file_id: null });
    const errors = await linesOf(client, done.error_file_id);
    expect(errors[0]).toMatchObject({
      response: { status_code: 429, body: { error: { code: 'insufficient_quota' } } },
    });
  });

  it('fails a batch whose input file has bad lines, naming each line', async () => {
    const created = await createBatch(
      client,
      jsonl([
        'not json',
        { method: 'POST' },
        requestLine('a', 'x'),
        requestLine('a', 'y'),
        requestLine('b', 'z', { url: '/v1/embeddings' }),
      ]),
    );
    const failed = await client.batches.retrieve(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.failed_at).not.toBeNull();
    expect(failed.errors?.data?.map((error) => [error.line, error.code])).toEqual([
      [1, 'invalid_json_line'],
      [2, 'missing_required_parameter'],
      [4, 'duplicate_custom_id'],
      [5, 'invalid_request'],
    ]);
    expect(mock.stats().byPath['POST /v1/chat/completions']).toBeUndefined();
  });

  it('cancels an unfinished batch: cancelling, then cancelled with no output', async () => {
    mock.configure({ batchDelayMs: 3_600_000 });
    const created = await createBatch(client, jsonl([requestLine('a', 'Say x')]));
    expect((await client.batches.retrieve(created.id)).status).toBe('validating');
    const cancelling = await client.batches.cancel(created.id);
    expect(cancelling.status).toBe('cancelling');
    const cancelled = await client.batches.retrieve(created.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', output_file_id: null });
    expect(cancelled.cancelled_at).not.toBeNull();
    expect((await client.batches.cancel(created.id)).status).toBe('cancelled');
    expect(mock.stats().byPath['POST /v1/chat/completions']).toBeUndefined();
  });

  it('refuses to cancel a finished batch with 409', async () => {
    const created = await createBatch(client, jsonl([requestLine('a', 'Say x')]));
    const error = await rejection<APIError>(client.batches.cancel(created.id));
    expect(error.status).toBe(409);
  });

  it('answers 404 for unknown files and batches', async () => {
    for (const call of [
      client.files.retrieve('file-nope'),
      client.files.content('file-nope'),
      client.batches.retrieve('batch_nope'),
      client.batches.cancel('batch_nope'),
      client.batches.create({
        input_file_id: 'file-nope',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      }),
    ]) {
      expect((await rejection<APIError>(call)).status).toBe(404);
    }
  });

  it('answers 400 naming the parameter of a bad batch or upload', async () => {
    const file = await upload(client, jsonl([requestLine('a', 'x')]));
    const badEndpoint = await rejection<APIError>(
      client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' }),
    );
    expect(badEndpoint).toMatchObject({ status: 400, param: 'endpoint' });
    const badWindow = await rejection<APIError>(
      client.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '1h' as '24h',
      }),
    );
    expect(badWindow).toMatchObject({ status: 400, param: 'completion_window' });
    const noPurpose = new FormData();
    noPurpose.set('file', new Blob(['x']), 'a.jsonl');
    const noFile = new FormData();
    noFile.set('purpose', 'batch');
    const answers = await Promise.all(
      [noPurpose, noFile, 'plain text'].map((body) =>
        fetch(`${mock.url}/files`, { method: 'POST', body }).then(async (res) => ({
          status: res.status,
          param: ((await res.json()) as { error: { param: string | null } }).error.param,
        })),
      ),
    );
    expect(answers).toEqual([
      { status: 400, param: 'purpose' },
      { status: 400, param: 'file' },
      { status: 400, param: null },
    ]);
    const brokenJson = await fetch(`${mock.url}/batches`, { method: 'POST', body: '{' });
    expect(brokenJson.status).toBe(400);
  });

  it('lists batches newest first, a page at a time', async () => {
    const first = await createBatch(client, jsonl([requestLine('a', 'Say a')]));
    const second = await createBatch(client, jsonl([requestLine('b', 'Say b')]));
    const third = await createBatch(client, jsonl([requestLine('c', 'Say c')]));
    const page = await client.batches.list({ limit: 2 });
    expect(page.data.map((batch) => [batch.id, batch.status])).toEqual([
      [third.id, 'completed'],
      [second.id, 'completed'],
    ]);
    expect(page.hasNextPage()).toBe(true);
    const all: string[] = [];
    for await (const batch of client.batches.list({ limit: 2 })) all.push(batch.id);
    expect(all).toEqual([third.id, second.id, first.id]);
    const defaultPage = await fetch(`${mock.url}/batches`).then((res) => res.json());
    expect(defaultPage).toMatchObject({ object: 'list', has_more: false });
    const bad = await fetch(`${mock.url}/batches?limit=0`);
    expect(bad.status).toBe(400);
  });

  it('lists no batches when there are none', async () => {
    expect(await fetch(`${mock.url}/batches`).then((res) => res.json())).toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    });
  });

  it('forgets files and batches on reset', async () => {
    const created = await createBatch(client, jsonl([requestLine('a', 'Say x')]));
    await fetch(adminUrl(mock, 'reset'), { method: 'POST' });
    expect((await rejection<APIError>(client.batches.retrieve(created.id))).status).toBe(404);
    expect((await rejection<APIError>(client.files.retrieve(created.input_file_id))).status).toBe(404);
  });

  it('answers 404 for other methods on batch paths', async () => {
    const res = await fetch(`${mock.url}/batches/batch_x`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    const post = await fetch(`${mock.url}/files/file-x`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});
