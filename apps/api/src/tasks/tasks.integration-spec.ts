import request from 'supertest';
import { type Page, type RunDetailView, type TaskTestResult, type TaskView } from '@gtr/domain';
import { type ApiHarness, startApi } from '../../test/api-harness';

describe('tasks API', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({ startWorker: true });
  });
  afterAll(() => h.close());

  const api = () => request(h.app.getHttpServer());
  const post = (path: string, body: unknown, auth = h.auth) =>
    api()
      .post(path)
      .set('Authorization', auth)
      .send(body as object);
  const get = (path: string, auth = h.auth) => api().get(path).set('Authorization', auth);
  const patch = (path: string, body: unknown) =>
    api()
      .patch(path)
      .set('Authorization', h.auth)
      .send(body as object);
  const del = (path: string) => api().delete(path).set('Authorization', h.auth);
  const count = async (table: string): Promise<number> =>
    (await h.runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const runRow = async (id: string) =>
    (await h.runtime.dataSource.query('SELECT * FROM runs WHERE id = $1', [id]))[0];

  async function waitForRun(id: string): Promise<RunDetailView> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const run = (await get(`/v1/runs/${id}`)).body as RunDetailView;
      if (['succeeded', 'failed', 'cancelled'].includes(run.status) || Date.now() > deadline) return run;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const summarise = {
    name: 'summarise',
    description: 'Summarises a document',
    system: 'Answer in {{lang}}.',
    prompt: 'Summarise for {{user.name}}: {{doc}}',
    model: 'task-model',
    params: { temperature: 0, maxTokens: 200 },
    outputSchema: {
      type: 'object',
      properties: { summary: { type: 'string' } },
      required: ['summary'],
      additionalProperties: false,
    },
    retryPolicy: { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 100 },
    timeoutMs: 12_345,
    tags: ['nlp', 'demo'],
  };

  describe('create, read, change, delete', () => {
    it('creates a task as version 1 and reads it back', async () => {
      const res = await post('/v1/tasks', summarise).expect(201);
      const task = res.body as TaskView;
      expect(task).toMatchObject({
        name: 'summarise',
        version: 1,
        latestVersion: 1,
        messages: [
          { role: 'system', content: 'Answer in {{lang}}.' },
          { role: 'user', content: 'Summarise for {{user.name}}: {{doc}}' },
        ],
        variables: ['lang', 'user.name', 'doc'],
        provider: null,
        model: 'task-model',
        params: { temperature: 0, maxTokens: 200 },
        outputSchema: summarise.outputSchema,
        retryPolicy: summarise.retryPolicy,
        timeoutMs: 12_345,
        tags: ['nlp', 'demo'],
      });
      expect((await get('/v1/tasks/summarise').expect(200)).body).toEqual(task);
    });

    it('refuses a second task of the same name with 409 E_CONFLICT', async () => {
      const before = await count('task_versions');
      const res = await post('/v1/tasks', { name: 'summarise', prompt: 'x' }).expect(409);
      expect(res.body.error).toMatchObject({ code: 'E_CONFLICT', issues: [{ field: 'name' }] });
      expect(res.body.error.message).toContain('"summarise"');
      expect(await count('task_versions')).toBe(before);
    });

    it.each([
      ['an unclosed placeholder', 'prompt', { name: 'bad', prompt: 'Hi {{name' }],
      [
        'a bad placeholder in a message',
        'messages.0.content',
        { name: 'bad', messages: [{ role: 'user', content: '{{ a b }}' }] },
      ],
      [
        'a bad output schema type',
        'outputSchema.properties.n.type',
        { name: 'bad', prompt: 'x', outputSchema: { type: 'object', properties: { n: { type: 'int' } } } },
      ],
      [
        'an output schema that is not an object schema',
        'outputSchema.type',
        { name: 'bad', prompt: 'x', outputSchema: { type: 'string' } },
      ],
      ['a bad name', 'name', { name: 'Bad Name', prompt: 'x' }],
      ['an unknown provider', 'provider', { name: 'bad', prompt: 'x', provider: 'nope' }],
      [
        'maxAttempts 21',
        'retryPolicy.maxAttempts',
        { name: 'bad', prompt: 'x', retryPolicy: { maxAttempts: 21 } },
      ],
      ['temperature 3', 'params.temperature', { name: 'bad', prompt: 'x', params: { temperature: 3 } }],
    ])('rejects %s with a 400 naming %s, storing nothing', async (_what, field, body) => {
      const before = await count('tasks');
      const res = await post('/v1/tasks', body).expect(400);
      expect(res.body.error.code).toBe('E_VALIDATION');
      expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(await count('tasks')).toBe(before);
    });

    it('makes each change a new version and keeps the old ones readable', async () => {
      const res = await patch('/v1/tasks/summarise', {
        prompt: 'Shorten for {{user.name}}: {{doc}}',
        params: { maxTokens: null },
        tags: ['nlp'],
      }).expect(200);
      expect(res.body).toMatchObject({
        version: 2,
        latestVersion: 2,
        messages: [
          { role: 'system', content: 'Answer in {{lang}}.' },
          { role: 'user', content: 'Shorten for {{user.name}}: {{doc}}' },
        ],
        params: { temperature: 0 },
        model: 'task-model',
        tags: ['nlp'],
      });
      const v1 = (await get('/v1/tasks/summarise?version=1').expect(200)).body as TaskView;
      expect(v1).toMatchObject({
        version: 1,
        latestVersion: 2,
        params: { temperature: 0, maxTokens: 200 },
        tags: ['nlp', 'demo'],
      });
      expect(v1.messages[1].content).toBe('Summarise for {{user.name}}: {{doc}}');
    });

    it('lists the versions newest first, a page at a time', async () => {
      const first = (await get('/v1/tasks/summarise/versions?limit=1').expect(200)).body as Page<TaskView>;
      expect(first.data.map((v) => v.version)).toEqual([2]);
      const rest = (await get(`/v1/tasks/summarise/versions?limit=5&cursor=${first.nextCursor}`).expect(200))
        .body as Page<TaskView>;
      expect(rest).toMatchObject({ data: [{ version: 1 }], nextCursor: null });
      await get('/v1/tasks/nope/versions').expect(404);
    });

    it.each([
      ['an empty change', '(body)', {}],
      ['a rename', '(body)', { name: 'other' }],
      ['a bad template', 'prompt', { prompt: '{{' }],
      ['an unknown provider', 'provider', { provider: 'nope' }],
      [
        'a base delay above the kept max delay',
        'retryPolicy.maxDelayMs',
        { retryPolicy: { baseDelayMs: 1000 } },
      ],
    ])('rejects %s with a 400 naming %s, adding no version', async (_what, field, body) => {
      const before = await count('task_versions');
      const res = await patch('/v1/tasks/summarise', body).expect(400);
      expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(await count('task_versions')).toBe(before);
    });

    it('answers 404 naming the task or the version, and 400 for a malformed name or version', async () => {
      const missing = await get('/v1/tasks/nope').expect(404);
      expect(missing.body.error).toMatchObject({ code: 'E_NOT_FOUND', message: 'Task "nope" not found.' });
      const noVersion = await get('/v1/tasks/summarise?version=9').expect(404);
      expect(noVersion.body.error).toMatchObject({
        message: 'Task "summarise" has no version 9.',
        issues: [{ field: 'version' }],
      });
      await patch('/v1/tasks/nope', { model: 'x' }).expect(404);
      await del('/v1/tasks/nope').expect(404);
      expect((await get('/v1/tasks/Bad%20Name').expect(400)).body.error.issues[0].field).toBe('name');
      expect((await get('/v1/tasks/summarise?version=x').expect(400)).body.error.issues[0].field).toBe(
        'version',
      );
    });

    it('lists tasks by name, filtered by tag, a page at a time', async () => {
      await post('/v1/tasks', { name: 'a-first', prompt: 'x', tags: ['demo'] }).expect(201);
      await post('/v1/tasks', { name: 'z-last', prompt: 'x' }).expect(201);
      const first = (await get('/v1/tasks?limit=2').expect(200)).body as Page<TaskView>;
      expect(first.data.map((t) => t.name)).toEqual(['a-first', 'summarise']);
      expect(first.data[1].version).toBe(2);
      const second = (await get(`/v1/tasks?limit=2&cursor=${first.nextCursor}`).expect(200))
        .body as Page<TaskView>;
      expect(second).toMatchObject({ data: [{ name: 'z-last' }], nextCursor: null });
      const demo = (await get('/v1/tasks?tag=demo').expect(200)).body as Page<TaskView>;
      expect(demo.data.map((t) => t.name)).toEqual(['a-first']);
      expect((await get('/v1/tasks?tag=nlp,demo').expect(200)).body.data).toEqual([]);
      expect((await get('/v1/tasks?cursor=bogus').expect(400)).body.error.issues[0].field).toBe('cursor');
    });

    it('soft-deletes a task, which frees its name', async () => {
      await post('/v1/tasks', { name: 'doomed', prompt: 'old' }).expect(201);
      const res = await del('/v1/tasks/doomed').expect(204);
      expect(res.text).toBe('');
      await get('/v1/tasks/doomed').expect(404);
      await del('/v1/tasks/doomed').expect(404);
      const again = await post('/v1/tasks', { name: 'doomed', prompt: 'new' }).expect(201);
      expect(again.body).toMatchObject({ version: 1, messages: [{ role: 'user', content: 'new' }] });
    });
  });

  describe('runs from a task', () => {
    it('stores the rendered messages, the input and the task version, with the task settings', async () => {
      const input = { lang: 'French', user: { name: 'Ada' }, doc: { pages: 2 } };
      const res = await post('/v1/runs', { task: 'summarise', input }).expect(201);
      expect(res.body).toMatchObject({
        taskVersion: 2,
        provider: 'dry-run',
        model: 'task-model',
        params: { temperature: 0 },
        messages: [
          { role: 'system', content: 'Answer in French.' },
          { role: 'user', content: 'Shorten for Ada: {"pages":2}' },
        ],
      });
      const row = await runRow(res.body.id);
      expect(row).toMatchObject({
        task_version: 2,
        input,
        output_schema: summarise.outputSchema,
        timeout_ms: 12_345,
        max_attempts: 5,
      });
      const task = (await get('/v1/tasks/summarise').expect(200)).body as TaskView;
      expect(row.task_id).toBe(task.id);
      const done = await waitForRun(res.body.id);
      expect(done.status).toBe('succeeded');
      expect(done.output?.json).toEqual({ summary: expect.any(String) });
    });

    it('runs a pinned version, with model and params overridden for this run', async () => {
      const res = await post('/v1/runs', {
        task: 'summarise',
        version: 1,
        input: { lang: 'en', user: { name: 'Bo' }, doc: 'text' },
        model: 'override-model',
        params: { maxTokens: 10, topP: 0.5 },
      }).expect(201);
      expect(res.body).toMatchObject({
        taskVersion: 1,
        model: 'override-model',
        params: { temperature: 0, maxTokens: 10, topP: 0.5 },
      });
      expect(res.body.messages[1].content).toBe('Summarise for Bo: text');
    });

    it('rejects a missing variable with a 400 naming input.<name>, storing nothing', async () => {
      const before = await count('runs');
      const res = await post('/v1/runs', { task: 'summarise', input: { lang: 'en' } }).expect(400);
      expect(res.body.error.code).toBe('E_INPUT');
      expect(res.body.error.issues.map((i: { field: string }) => i.field)).toEqual([
        'input.user.name',
        'input.doc',
      ]);
      expect(await count('runs')).toBe(before);
    });

    it.each([
      ['prompt and task', 'prompt', { task: 'summarise', prompt: 'x' }],
      ['input without task', 'task', { prompt: 'x', input: {} }],
      ['a task version 0', 'version', { task: 'summarise', version: 0 }],
    ])('rejects %s with a 400 naming %s', async (_what, field, body) => {
      const before = await count('runs');
      const res = await post('/v1/runs', body).expect(400);
      expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(await count('runs')).toBe(before);
    });

    it('answers 404 for an unknown task or version, naming it', async () => {
      expect((await post('/v1/runs', { task: 'ghost' }).expect(404)).body.error.message).toBe(
        'Task "ghost" not found.',
      );
      const noVersion = await post('/v1/runs', { task: 'summarise', version: 7, input: {} }).expect(404);
      expect(noVersion.body.error.issues).toEqual([
        { field: 'version', message: 'does not exist; the latest version is 2' },
      ]);
    });

    it('replays an idempotent task run', async () => {
      const body = { task: 'a-first', idempotencyKey: 'task-run-1' };
      const first = await post('/v1/runs', body).expect(201);
      const second = await post('/v1/runs', body).expect(200);
      expect(second.body.id).toBe(first.body.id);
    });

    it('tests a task: renders it, runs it and returns both', async () => {
      const res = await post('/v1/tasks/summarise/test', {
        input: { lang: 'de', user: { name: 'Cy' }, doc: 'D' },
      }).expect(201);
      const result = res.body as TaskTestResult;
      expect(result.renderedMessages).toEqual([
        { role: 'system', content: 'Answer in de.' },
        { role: 'user', content: 'Shorten for Cy: D' },
      ]);
      expect(result.run).toMatchObject({
        taskVersion: 2,
        messages: result.renderedMessages,
        status: 'queued',
      });
      expect((await waitForRun(result.run.id)).status).toBe('succeeded');
    });

    it('rejects a test with missing input or an unknown field, storing nothing', async () => {
      const before = await count('runs');
      const missing = await post('/v1/tasks/summarise/test', {}).expect(400);
      expect(missing.body.error.issues.map((i: { field: string }) => i.field)).toEqual([
        'input.lang',
        'input.user.name',
        'input.doc',
      ]);
      await post('/v1/tasks/summarise/test', { task: 'other' }).expect(400);
      await post('/v1/tasks/ghost/test', {}).expect(404);
      expect(await count('runs')).toBe(before);
    });
  });

  it('keeps tenants apart: another tenant neither sees nor uses these tasks, and may reuse the name', async () => {
    const other = await h.runtime.repositories.tenants.ensureTenant('tasks-other');
    const { key } = await h.runtime.repositories.apiKeys.createKey(other.id, 'other', []);
    const auth = `Bearer ${key}`;
    await get('/v1/tasks/summarise', auth).expect(404);
    expect((await get('/v1/tasks', auth).expect(200)).body.data).toEqual([]);
    await post('/v1/runs', { task: 'summarise', input: {} }, auth).expect(404);
    await post('/v1/tasks', { name: 'summarise', prompt: 'theirs' }, auth).expect(201);
    expect((await get('/v1/tasks/summarise').expect(200)).body.version).toBe(2);
  });

  it('documents the task routes and bodies in OpenAPI', async () => {
    const doc = (await api().get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/tasks',
        '/v1/tasks/{name}',
        '/v1/tasks/{name}/versions',
        '/v1/tasks/{name}/test',
      ]),
    );
    const createBody = doc.paths['/v1/tasks'].post.requestBody.content['application/json'].schema;
    expect(createBody.properties).toHaveProperty('outputSchema');
    const runBody = doc.paths['/v1/runs'].post.requestBody.content['application/json'].schema;
    expect(runBody.anyOf).toHaveLength(2);
  });
});
