import request from 'supertest';
import { ScheduleFiringRepository, TasksRepository } from '@gtr/data';
import { type ScheduleView } from '@gtr/domain';
import { ScheduleRunner } from '@gtr/server';
import { type ApiHarness, startApi } from '../../test/api-harness';

describe('schedules API', () => {
  let h: ApiHarness;
  let tenantId: string;
  const api = () => request(h.app.getHttpServer());
  const post = (path: string, body?: object) => api().post(path).set('Authorization', h.auth).send(body);
  const get = (path: string) => api().get(path).set('Authorization', h.auth);
  const valid = {
    name: 'nightly',
    cron: '0 9 * * *',
    timezone: 'Asia/Tokyo',
    target: { type: 'prompt', prompt: 'Summarise the news' },
  };

  beforeAll(async () => {
    h = await startApi({ startWorker: false });
    [{ id: tenantId }] = await h.runtime.dataSource.query(`SELECT id FROM tenants WHERE name = 'default'`);
    await new TasksRepository(h.runtime.dataSource).create(tenantId, 'greet', {
      description: null,
      messages: [{ role: 'user', content: 'Hello {{name}}' }],
      provider: null,
      model: null,
      params: {},
      outputSchema: null,
      retryPolicy: {},
      timeoutMs: null,
      tags: [],
    });
  });
  afterAll(() => h.close());
  beforeEach(() => h.runtime.dataSource.query('TRUNCATE schedules, task_files, batches CASCADE'));

  describe('validation', () => {
    it('refuses a bad cron expression naming the field and showing an example', async () => {
      const res = await post('/v1/schedules', { ...valid, cron: '61 * * * *' }).expect(400);
      expect(res.body.error).toEqual({
        code: 'E_VALIDATION',
        message:
          'Invalid request: cron invalid expression "61 * * * *" (minute 61 out of range 0-59); example: "*/5 * * * *"',
        action: 'Fix the fields named in the error.',
        issues: [
          {
            field: 'cron',
            message: 'invalid expression "61 * * * *" (minute 61 out of range 0-59); example: "*/5 * * * *"',
          },
        ],
      });
    });

    it('refuses an unknown time zone naming the field and showing an example', async () => {
      const res = await post('/v1/schedules', { ...valid, timezone: 'Mars/Olympus' }).expect(400);
      expect(res.body.error.issues).toEqual([
        {
          field: 'timezone',
          message: 'unknown IANA time zone "Mars/Olympus"; example: "Europe/Berlin" (or "UTC")',
        },
      ]);
    });

    it.each([
      [{ type: 'task', task: 'missing' }, 'target.task', 'no task named "missing"', 'E_VALIDATION'],
      [
        { type: 'task', task: 'greet', version: 4 },
        'target.version',
        'task "greet" has no version 4',
        'E_VALIDATION',
      ],
      [
        { type: 'task', task: 'greet', input: {} },
        'target.input.name',
        'is missing; the template uses {{name}}',
        'E_INPUT',
      ],
      [
        { type: 'prompt', prompt: 'x', provider: 'acme-llm' },
        'target.provider',
        'uses provider "acme-llm"; known: dry-run',
        'E_VALIDATION',
      ],
    ])('refuses a target that cannot start a run: %j', async (target, field, message, code) => {
      const res = await post('/v1/schedules', { ...valid, target }).expect(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.issues).toEqual([{ field, message }]);
    });

    it('refuses an expression that never fires, and a bad name in the path', async () => {
      const never = await post('/v1/schedules', { ...valid, cron: '0 0 30 2 *' }).expect(400);
      expect(never.body.error.issues[0].field).toBe('cron');
      const bad = await get('/v1/schedules/Not%20A%20Name').expect(400);
      expect(bad.body.error.issues[0].field).toBe('name');
    });

    it('stores nothing when it refuses', async () => {
      await post('/v1/schedules', { ...valid, cron: 'nope' }).expect(400);
      expect((await get('/v1/schedules').expect(200)).body.data).toEqual([]);
    });
  });

  describe('CRUD', () => {
    it('creates, reads, lists, changes and deletes a schedule', async () => {
      const created = (await post('/v1/schedules', valid).expect(201)).body as ScheduleView;
      expect(created).toMatchObject({
        name: 'nightly',
        cron: '0 9 * * *',
        every: null,
        timezone: 'Asia/Tokyo',
        enabled: true,
        overlapPolicy: 'skip',
        missedPolicy: 'skip',
        lastFireAt: null,
        nextFireAt: expect.stringMatching(/T00:00:00\.000Z$/),
      });
      await post('/v1/schedules', valid).expect(409);
      expect((await get('/v1/schedules/nightly').expect(200)).body).toEqual(created);

      await post('/v1/schedules', {
        name: 'often',
        every: '30s',
        target: { type: 'task', task: 'greet', input: { name: 'Ada' } },
      }).expect(201);
      const page = await get('/v1/schedules?limit=1').expect(200);
      expect(page.body.data.map((s: ScheduleView) => s.name)).toEqual(['nightly']);
      const rest = await get(`/v1/schedules?limit=1&cursor=${page.body.nextCursor}`).expect(200);
      expect(rest.body).toMatchObject({ data: [{ name: 'often', every: '30s' }], nextCursor: null });

      const changed = await api()
        .patch('/v1/schedules/nightly')
        .set('Authorization', h.auth)
        .send({ every: '5m', overlapPolicy: 'cancel_previous' })
        .expect(200);
      expect(changed.body).toMatchObject({ cron: null, every: '5m', overlapPolicy: 'cancel_previous' });
      expect(Date.parse(changed.body.nextFireAt) % 300_000).toBe(0);
      const bad = await api()
        .patch('/v1/schedules/nightly')
        .set('Authorization', h.auth)
        .send({ timezone: 'Nowhere' })
        .expect(400);
      expect(bad.body.error.issues[0].field).toBe('timezone');
      await api()
        .patch('/v1/schedules/nightly')
        .set('Authorization', h.auth)
        .send({ target: { type: 'batch', file: 'x' } })
        .expect(400);
      const retarget = await api()
        .patch('/v1/schedules/nightly')
        .set('Authorization', h.auth)
        .send({ target: { type: 'prompt', prompt: 'new' } })
        .expect(200);
      expect(retarget.body).toMatchObject({
        target: { type: 'prompt', prompt: 'new' },
        nextFireAt: changed.body.nextFireAt,
      });
      await api().patch('/v1/schedules/ghost').set('Authorization', h.auth).send({ every: '1m' }).expect(404);

      await api().delete('/v1/schedules/nightly').set('Authorization', h.auth).expect(204);
      await api().delete('/v1/schedules/nightly').set('Authorization', h.auth).expect(404);
      const gone = await get('/v1/schedules/nightly').expect(404);
      expect(gone.body.error).toMatchObject({ code: 'E_NOT_FOUND', message: 'No schedule named "nightly".' });
    });

    it('pauses and resumes, idempotently', async () => {
      await post('/v1/schedules', valid).expect(201);
      const paused = await post('/v1/schedules/nightly/disable').expect(200);
      expect(paused.body).toMatchObject({ enabled: false, nextFireAt: null });
      await post('/v1/schedules/nightly/disable').expect(200);
      const resumed = await post('/v1/schedules/nightly/enable').expect(200);
      expect(resumed.body).toMatchObject({
        enabled: true,
        nextFireAt: expect.stringMatching(/T00:00:00\.000Z$/),
      });
      expect((await post('/v1/schedules/nightly/enable').expect(200)).body.nextFireAt).toBe(
        resumed.body.nextFireAt,
      );
      await post('/v1/schedules/ghost/enable').expect(404);
      const off = await api()
        .patch('/v1/schedules/nightly')
        .set('Authorization', h.auth)
        .send({ enabled: false })
        .expect(200);
      expect(off.body).toMatchObject({ enabled: false, nextFireAt: null });
    });

    it('creates a paused schedule without a next fire time', async () => {
      const res = await post('/v1/schedules', { ...valid, enabled: false }).expect(201);
      expect(res.body).toMatchObject({ enabled: false, nextFireAt: null });
    });
  });

  it('previews the next fire times in UTC and in the schedule time zone', async () => {
    await post('/v1/schedules', valid).expect(201);
    const res = await get('/v1/schedules/nightly/next?count=3').expect(200);
    expect(res.body).toMatchObject({ name: 'nightly', timezone: 'Asia/Tokyo', enabled: true });
    expect(res.body.fires).toHaveLength(3);
    for (const fire of res.body.fires) {
      expect(fire.utc).toMatch(/T00:00:00\.000Z$/);
      expect(fire.local).toMatch(/T09:00:00\+09:00$/);
      expect(fire.local.slice(0, 10)).toBe(fire.utc.slice(0, 10));
    }
    expect((await get('/v1/schedules/nightly/next').expect(200)).body.fires).toHaveLength(5);
    expect((await get('/v1/schedules/nightly/next?count=101').expect(400)).body.error.issues[0].field).toBe(
      'count',
    );
    await get('/v1/schedules/ghost/next').expect(404);
  });

  it('shows the history of fires, newest first', async () => {
    const created = (await post('/v1/schedules', { ...valid, name: 'hist' }).expect(201))
      .body as ScheduleView;
    const firing = new ScheduleFiringRepository(h.runtime.dataSource);
    const next = new Date(created.nextFireAt!);
    await firing.fire({
      scheduleId: created.id,
      tenantId,
      expectedNextFireAt: next,
      nextFireAt: new Date(next.getTime() + 86_400_000),
      dueAt: next,
      firedAt: next,
      outcome: { status: 'skipped', reason: 'previous run r1 is still running (overlap policy: skip)' },
    });
    const res = await get('/v1/schedules/hist/history?limit=10').expect(200);
    expect(res.body).toEqual({
      data: [
        {
          id: expect.any(String),
          dueAt: created.nextFireAt,
          firedAt: created.nextFireAt,
          status: 'skipped',
          runId: null,
          runStatus: null,
          batchId: null,
          batchStatus: null,
          reason: 'previous run r1 is still running (overlap policy: skip)',
        },
      ],
      nextCursor: null,
    });
    await get('/v1/schedules/ghost/history').expect(404);
    await get('/v1/schedules/hist/history?cursor=zzz').expect(400);
  });

  describe('batch targets and task files', () => {
    const upload = (content: string, fileName: string, task?: string) => {
      const req = api().post('/v1/task-files').set('Authorization', h.auth);
      if (task) req.field('task', task);
      return req.attach('file', Buffer.from(content), fileName);
    };
    const count = async (table: string) =>
      (await h.runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

    it('stores a checked task file, then schedules it as a batch', async () => {
      const file = (await upload('name\nAda\nLin\n', 'people.csv', 'greet').expect(201)).body;
      expect(file).toEqual({
        id: expect.any(String),
        name: 'people.csv',
        format: 'csv',
        task: 'greet',
        rows: 2,
        bytes: 13,
        createdAt: expect.any(String),
      });
      expect((await get(`/v1/task-files/${file.id}`).expect(200)).body).toEqual(file);
      expect((await get('/v1/task-files').expect(200)).body).toEqual({ data: [file] });
      const target = { type: 'batch', taskFile: file.id, options: { priority: 3 }, output: 'out.jsonl' };
      const created = (await post('/v1/schedules', { ...valid, name: 'people', target }).expect(201))
        .body as ScheduleView;
      expect(created.target).toEqual(target);
      // A task file a schedule runs cannot be deleted.
      const refused = await api()
        .delete(`/v1/task-files/${file.id}`)
        .set('Authorization', h.auth)
        .expect(409);
      expect(refused.body.error.message).toContain('schedule "people"');
      await api().delete('/v1/schedules/people').set('Authorization', h.auth).expect(204);
      await api().delete(`/v1/task-files/${file.id}`).set('Authorization', h.auth).expect(204);
      await get(`/v1/task-files/${file.id}`).expect(404);
    });

    it('refuses a bad file naming row and field, and stores nothing', async () => {
      const res = await upload('{"name":"Ada"}\n{"nome":"Lin"}\n', 'people.jsonl', 'greet').expect(400);
      expect(res.body.error.code).toMatch(/^E_VALIDATION/);
      expect(res.body.error.message).toContain('1 of 2 rows are invalid: row 2, name');
      expect(res.body.error.issues).toEqual([expect.objectContaining({ row: 2, field: 'name' })]);
      const adhoc = await upload(
        '{"prompt":"hi"}\n{"prompt":"x","temperature":"hot"}\n',
        'rows.jsonl',
      ).expect(400);
      expect(adhoc.body.error.issues).toEqual([expect.objectContaining({ row: 2, field: 'temperature' })]);
      const noFile = await api()
        .post('/v1/task-files')
        .set('Authorization', h.auth)
        .field('task', 'greet')
        .expect(400);
      expect(noFile.body.error.issues).toEqual([expect.objectContaining({ field: 'file' })]);
      await upload('name\nAda\n', 'people.csv', 'nobody').expect(404);
      expect(await count('task_files')).toBe(0);
      expect(await count('task_file_rows')).toBe(0);
    });

    it.each([
      [{ type: 'batch', taskFile: 'rows.csv' }, 'target.taskFile', 'must be a task file id'],
      [
        { type: 'batch', taskFile: '00000000-0000-4000-8000-000000000000' },
        'target.taskFile',
        'no task file with id 00000000-0000-4000-8000-000000000000',
      ],
    ])('refuses a batch target naming an unknown task file: %j', async (target, field, message) => {
      const res = await post('/v1/schedules', { ...valid, target }).expect(400);
      expect(res.body.error.issues).toEqual([{ field, message: expect.stringContaining(message) }]);
      expect(await count('schedules')).toBe(0);
    });

    it('refuses a batch target whose task differs from the one the file was checked against', async () => {
      const file = (await upload('{"prompt":"hi"}\n', 'rows.jsonl').expect(201)).body;
      expect(file.task).toBeNull();
      const res = await post('/v1/schedules', {
        ...valid,
        target: { type: 'batch', taskFile: file.id, task: 'greet' },
      }).expect(400);
      expect(res.body.error.issues).toEqual([
        { field: 'target.task', message: expect.stringContaining('checked against no task (ad-hoc rows)') },
      ]);
    });

    it('shows a batch fire in the history with its batch and status', async () => {
      const file = (await upload('{"prompt":"hi"}\n{"prompt":"ho"}\n', 'rows.jsonl').expect(201)).body;
      const created = (
        await post('/v1/schedules', {
          ...valid,
          name: 'rows',
          target: { type: 'batch', taskFile: file.id },
        }).expect(201)
      ).body as ScheduleView;
      await new ScheduleRunner(h.runtime).tick(new Date(created.nextFireAt!));
      const [fire] = (await get('/v1/schedules/rows/history').expect(200)).body.data;
      expect(fire).toMatchObject({
        status: 'created',
        runId: null,
        batchId: expect.any(String),
        batchStatus: 'queued',
      });
      const batch = (await get(`/v1/batches/${fire.batchId}`).expect(200)).body;
      expect(batch).toMatchObject({ total: 2, name: `rows ${created.nextFireAt}` });
    });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await api().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/schedules',
        '/v1/schedules/{name}',
        '/v1/schedules/{name}/enable',
        '/v1/schedules/{name}/disable',
        '/v1/schedules/{name}/next',
        '/v1/schedules/{name}/history',
        '/v1/task-files',
        '/v1/task-files/{id}',
      ]),
    );
  });
});
