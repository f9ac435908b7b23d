import { type BatchView } from '@gtr/domain';
import { fakeFetch, json } from '../../test/fake-fetch';
import { type FetchLike } from './http-transport';
import { createGtrClient } from './gtr-client';

const batch = { id: 'b1', status: 'queued', total: 2 } as BatchView;
const created = { batch, skippedRows: 0, issues: [], moreIssues: 0 };

function client(fetch: FetchLike) {
  return createGtrClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'gtr_k', fetch });
}

describe('GtrClient batch methods', () => {
  it('sends JSON rows with the idempotency key', async () => {
    const fetch = fakeFetch(() => json(created, 201));
    await expect(
      client(fetch).createBatch({ rows: [{ prompt: 'a' }] }, { idempotencyKey: 'k' }),
    ).resolves.toEqual(created);
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', body: { rows: [{ prompt: 'a' }] } });
    expect(fetch.calls[0].url.pathname).toBe('/v1/batches');
    expect(fetch.calls[0].headers['idempotency-key']).toBe('k');
  });

  it.each([
    ['a Blob', () => new Blob(['prompt\nhi\n'])],
    [
      'stream chunks',
      () =>
        (async function* () {
          yield new TextEncoder().encode('prompt\n');
          yield new TextEncoder().encode('hi\n');
        })(),
    ],
  ])('uploads %s as multipart with the fields', async (_name, file) => {
    let form: FormData | undefined;
    let headers: Record<string, string> = {};
    const fetch: FetchLike = async (_input, init) => {
      form = init.body as FormData;
      headers = init.headers as Record<string, string>;
      return json(created, 201);
    };
    await client(fetch).uploadBatch(file(), {
      fileName: 'tasks.csv',
      task: 'greet',
      version: 2,
      params: { temperature: 0 },
      skipInvalid: true,
      priority: 5,
    });
    expect(headers['content-type']).toBeUndefined();
    expect(form?.get('task')).toBe('greet');
    expect(form?.get('version')).toBe('2');
    expect(form?.get('params')).toBe('{"temperature":0}');
    expect(form?.get('skipInvalid')).toBe('true');
    expect(form?.get('priority')).toBe('5');
    const uploaded = form?.get('file') as File;
    expect(uploaded.name).toBe('tasks.csv');
    expect(await uploaded.text()).toBe('prompt\nhi\n');
  });

  it('reads, lists, cancels, pauses, resumes and retries at the documented paths', async () => {
    const fetch = fakeFetch(() => json(batch));
    const c = client(fetch);
    await c.getBatch('b1');
    await c.listBatches({ limit: 5, cursor: 'c' });
    await c.listBatchRuns('b1', { status: ['failed', 'cancelled'], limit: 10 });
    await c.cancelBatch('b1');
    await c.pauseBatch('b1');
    await c.resumeBatch('b1');
    await c.retryFailedBatch('b1');
    expect(
      fetch.calls.map((call) => `${call.method} ${call.url.pathname}${decodeURIComponent(call.url.search)}`),
    ).toEqual([
      'GET /v1/batches/b1',
      'GET /v1/batches?limit=5&cursor=c',
      'GET /v1/batches/b1/runs?status=failed,cancelled&limit=10',
      'POST /v1/batches/b1/cancel',
      'POST /v1/batches/b1/pause',
      'POST /v1/batches/b1/resume',
      'POST /v1/batches/b1/retry-failed',
    ]);
  });

  it('streams the results file as text', async () => {
    const fetch = fakeFetch(() => new Response('{"id":"1"}\n{"id":"2"}\n', { status: 200 }));
    let text = '';
    for await (const chunk of client(fetch).batchResults('b1', { format: 'csv', status: ['failed'] }))
      text += chunk;
    expect(text).toBe('{"id":"1"}\n{"id":"2"}\n');
    expect(fetch.calls[0].url.search).toBe('?format=csv&status=failed');
    expect(fetch.calls[0].headers['accept']).toBe('text/csv');
  });

  it('rejects with the API error of a refused upload', async () => {
    const fetch = fakeFetch(() =>
      json(
        {
          error: {
            code: 'E_VALIDATION',
            message: 'bad',
            action: 'fix',
            issues: [{ row: 1, field: 'prompt', message: 'x' }],
          },
        },
        400,
      ),
    );
    await expect(client(fetch).uploadBatch(new Blob(['x']), { fileName: 'a.csv' })).rejects.toMatchObject({
      code: 'E_VALIDATION',
      status: 400,
    });
  });
});
