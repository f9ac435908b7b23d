import { type TaskTestResult, type TaskView } from '@gtr/domain';
import { fakeFetch, json } from '../../test/fake-fetch';
import { runFixture } from '../../testing/run-fixture';
import { createGtrClient } from './gtr-client';
import { GtrApiError } from './gtr-api-error';

const task: TaskView = {
  id: 't1',
  name: 'summarise',
  description: null,
  version: 2,
  latestVersion: 2,
  messages: [{ role: 'user', content: 'Summarise {{doc}}' }],
  variables: ['doc'],
  provider: null,
  model: null,
  params: { temperature: 0 },
  outputSchema: null,
  retryPolicy: {},
  timeoutMs: null,
  tags: ['nlp'],
  createdAt: '2026-01-01T00:00:00.000Z',
  versionCreatedAt: '2026-01-02T00:00:00.000Z',
};

function clientWith(route: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch(route);
  return {
    client: createGtrClient({ baseUrl: 'http://api.test/base', apiKey: 'gtr_k', fetch }),
    calls: fetch.calls,
  };
}

describe('task methods', () => {
  it('send each call to its route and method, the name encoded into the path', async () => {
    const { client, calls } = clientWith((call) =>
      call.method === 'DELETE' ? new Response(null, { status: 204 }) : json(task),
    );
    const body = { name: 'summarise', prompt: 'Summarise {{doc}}', params: { temperature: 0 } };

    await expect(client.createTask(body)).resolves.toEqual(task);
    await expect(client.getTask('a b/c')).resolves.toEqual(task);
    await client.getTask('summarise', 1);
    await expect(
      client.updateTask('summarise', { model: null, params: { maxTokens: null } }),
    ).resolves.toEqual(task);
    await expect(client.deleteTask('summarise')).resolves.toBeUndefined();

    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      'POST /base/v1/tasks',
      'GET /base/v1/tasks/a%20b%2Fc',
      'GET /base/v1/tasks/summarise?version=1',
      'PATCH /base/v1/tasks/summarise',
      'DELETE /base/v1/tasks/summarise',
    ]);
    expect(calls[0].body).toEqual(body);
    expect(calls[3].body).toEqual({ model: null, params: { maxTokens: null } });
    expect(calls[3].headers['content-type']).toBe('application/json');
  });

  it('lists tasks and versions with only the given paging and filters, tags comma-separated', async () => {
    const page = { data: [task], nextCursor: 'c2' };
    const { client, calls } = clientWith(() => json(page));

    await expect(client.listTasks({ tag: ['nlp', 'eu'], limit: 10, cursor: 'c1' })).resolves.toEqual(page);
    await client.listTasks({ tag: 'nlp' });
    await client.listTasks();
    await expect(client.listTaskVersions('summarise', { limit: 5, cursor: 'v' })).resolves.toEqual(page);
    await client.listTaskVersions('summarise');

    expect(calls.map((c) => `${c.url.pathname}${c.url.search}`)).toEqual([
      '/base/v1/tasks?tag=nlp%2Ceu&limit=10&cursor=c1',
      '/base/v1/tasks?tag=nlp',
      '/base/v1/tasks',
      '/base/v1/tasks/summarise/versions?limit=5&cursor=v',
      '/base/v1/tasks/summarise/versions',
    ]);
  });

  it('tests a task with its input and overrides, passing the signal but not sending it', async () => {
    const result: TaskTestResult = {
      renderedMessages: [{ role: 'user', content: 'Summarise x' }],
      run: runFixture(),
    };
    const { client, calls } = clientWith(() => json(result, 201));
    const signal = new AbortController().signal;

    await expect(
      client.testTask('summarise', { doc: 'x' }, { version: 1, params: { temperature: 0 }, signal }),
    ).resolves.toEqual(result);
    await client.testTask('summarise', {});

    expect(calls[0]).toMatchObject({
      method: 'POST',
      body: { version: 1, params: { temperature: 0 }, input: { doc: 'x' } },
    });
    expect(calls[0].url.pathname).toBe('/base/v1/tasks/summarise/test');
    expect(calls[0].signal?.aborted).toBe(false);
    expect(calls[1].body).toEqual({ input: {} });
  });

  it('creates a run from a task', async () => {
    const { client, calls } = clientWith(() => json(runFixture(), 201));
    await client.createRun({ task: 'summarise', version: 2, input: { doc: 'x' } });
    expect(calls[0].body).toEqual({ task: 'summarise', version: 2, input: { doc: 'x' } });
  });

  it('rejects with the API error, issues included, for a failed delete or a missing variable', async () => {
    const missing = {
      error: {
        code: 'E_INPUT',
        message: 'Missing input variable: doc',
        action: 'Fix it.',
        issues: [{ field: 'input.doc', message: 'is missing' }],
      },
    };
    const { client } = clientWith((call) =>
      call.method === 'DELETE'
        ? json({ error: { code: 'E_NOT_FOUND', message: 'Task "x" not found.', action: 'Check.' } }, 404)
        : json(missing, 400),
    );
    await expect(client.deleteTask('x')).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
      status: 404,
      message: 'Task "x" not found.',
    });
    const error = await client.testTask('summarise', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GtrApiError);
    expect(error).toMatchObject({ code: 'E_INPUT', issues: [{ field: 'input.doc' }] });
  });
});
