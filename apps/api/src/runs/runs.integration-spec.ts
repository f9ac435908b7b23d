import request from 'supertest';
import { type RunDetailView, type RunView } from '@gtr/domain';
import { type ApiHarness, startApi } from '../../test/api-harness';

async function waitForStatus(h: ApiHarness, id: string, statuses: string[]): Promise<RunDetailView> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await request(h.app.getHttpServer()).get(`/v1/runs/${id}`).set('Authorization', h.auth);
    if (statuses.includes(res.body.status) || Date.now() > deadline) return res.body as RunDetailView;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function countRuns(h: ApiHarness): Promise<number> {
  const [row] = await h.runtime.dataSource.query('SELECT count(*)::int AS n FROM runs');
  return row.n;
}

describe('runs API with a worker', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({ startWorker: true });
  });
  afterAll(() => h.close());

  it('runs a prompt end to end with the dry-run provider and records one attempt', async () => {
    const created = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .send({ prompt: 'Say hi', params: { temperature: 0 } })
      .expect(201);
    const run = created.body as RunView;
    expect(run.status).toBe('queued');
    expect(run.provider).toBe('dry-run');
    expect(run.params.temperature).toBe(0);

    const done = await waitForStatus(h, run.id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(done.output?.text).toContain('Say hi');
    expect(done.usage?.totalTokens).toBeGreaterThan(0);
    expect(done.costUsd).toBe(0);
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts[0]).toMatchObject({ number: 1, errorCode: null });
    expect(done.messages).toEqual([{ role: 'user', content: 'Say hi' }]);
  });

  it('lists runs newest first with a status filter and cursor pagination', async () => {
    for (let i = 0; i < 3; i++) {
      await request(h.app.getHttpServer())
        .post('/v1/runs')
        .set('Authorization', h.auth)
        .send({ prompt: `p${i}` })
        .expect(201);
    }
    const first = await request(h.app.getHttpServer())
      .get('/v1/runs?limit=2')
      .set('Authorization', h.auth)
      .expect(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(h.app.getHttpServer())
      .get(`/v1/runs?limit=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', h.auth)
      .expect(200);
    const ids = [...first.body.data, ...second.body.data].map((r: RunView) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cancelled = await request(h.app.getHttpServer())
      .get('/v1/runs?status=cancelled')
      .set('Authorization', h.auth)
      .expect(200);
    expect(cancelled.body.data.every((r: RunView) => r.status === 'cancelled')).toBe(true);
    const bad = await request(h.app.getHttpServer())
      .get('/v1/runs?status=done')
      .set('Authorization', h.auth)
      .expect(400);
    expect(bad.body.error.issues[0].field).toBe('status.0');
  });

  it('replays an idempotent submission instead of creating a second run', async () => {
    const a = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .set('Idempotency-Key', 'same-key-1')
      .send({ prompt: 'once' })
      .expect(201);
    const before = await countRuns(h);
    const b = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .set('Idempotency-Key', 'same-key-1')
      .send({ prompt: 'once' })
      .expect(200);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body.id).toBe(a.body.id);
    expect(await countRuns(h)).toBe(before);
  });

  it('serves health, metrics and the OpenAPI document without a key', async () => {
    const ready = await request(h.app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'embedded' } });
    await request(h.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    const metrics = await request(h.app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('gtr_runs_finished_total');
    const doc = await request(h.app.getHttpServer()).get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/runs', '/v1/runs/{id}']));
  });

  it('tells who the caller is', async () => {
    const me = await request(h.app.getHttpServer()).get('/v1/me').set('Authorization', h.auth).expect(200);
    expect(me.body).toMatchObject({ tenantName: 'default', scopes: ['admin'] });
  });

  it('streams run events over SSE', async () => {
    const server = h.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address();
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/v1/events`, {
      headers: { Authorization: h.auth },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const created = await request(server)
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .send({ prompt: 'sse' })
      .expect(201);
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes('"status":"succeeded"') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: run.updated');
    expect(text).toContain(`"runId":"${created.body.id}"`);
    expect(text).toContain('"status":"succeeded"');
  });
});

describe('runs API input validation and auth (no worker)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({ startWorker: false });
  });
  afterAll(() => h.close());

  it.each([
    ['no prompt', {}, 'prompt'],
    ['temperature 5', { prompt: 'x', params: { temperature: 5 } }, 'params.temperature'],
    ['a prompt of 2 MB', { prompt: 'x'.repeat(2 * 1024 * 1024) }, 'prompt'],
    ['a wrong type', { prompt: 42 }, 'prompt'],
    ['an unknown field', { prompt: 'x', temprature: 1 }, '(body)'],
    ['an empty message', { messages: [{ role: 'user', content: '' }] }, 'messages.0.content'],
    ['an unknown provider', { prompt: 'x', provider: 'nope' }, 'provider'],
  ])('rejects %s with a 400 naming the field, storing nothing', async (_, body, field) => {
    const before = await countRuns(h);
    const res = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .send(body)
      .expect(400);
    expect(res.body.error.code).toBe('E_VALIDATION');
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(res.body.error.issues[0].message).toEqual(expect.any(String));
    expect(await countRuns(h)).toBe(before);
  });

  it('rejects malformed JSON with a 400', async () => {
    const res = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .set('Content-Type', 'application/json')
      .send('{"prompt": ')
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: '(body)' }] });
  });

  it('rejects a body over 4 MB with a 413 naming the body', async () => {
    const res = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .send({ prompt: 'x'.repeat(5 * 1024 * 1024) })
      .expect(413);
    expect(res.body.error).toMatchObject({ code: 'E_TOO_LARGE', issues: [{ field: '(body)' }] });
  });

  it.each([
    ['no key', undefined, /Missing API key/],
    ['a wrong key', 'Bearer gtr_wrong_key_wrong_key_wrong', /Invalid or revoked/],
    ['a malformed header', 'Token abc', /Malformed/],
  ])('answers 401 to %s, without echoing the key', async (_, header, message) => {
    const req = request(h.app.getHttpServer()).post('/v1/runs').send({ prompt: 'x' });
    if (header) req.set('Authorization', header);
    const res = await req.expect(401);
    expect(res.body.error.code).toBe('E_AUTH');
    expect(res.body.error.message).toMatch(message);
    expect(JSON.stringify(res.body)).not.toContain('gtr_wrong_key');
  });

  it('cancels a queued run, which then never starts, and refuses to cancel it twice', async () => {
    const created = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .send({ prompt: 'x' });
    const cancelled = await request(h.app.getHttpServer())
      .post(`/v1/runs/${created.body.id}/cancel`)
      .set('Authorization', h.auth)
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await h.worker.start();
    await new Promise((r) => setTimeout(r, 300));
    await h.worker.stop();
    const after = await request(h.app.getHttpServer())
      .get(`/v1/runs/${created.body.id}`)
      .set('Authorization', h.auth);
    expect(after.body.status).toBe('cancelled');
    expect(after.body.attempts).toHaveLength(0);
    const again = await request(h.app.getHttpServer())
      .post(`/v1/runs/${created.body.id}/cancel`)
      .set('Authorization', h.auth)
      .expect(409);
    expect(again.body.error.code).toBe('E_CONFLICT');
  });

  it('answers 404 for an unknown run and 400 for a malformed id', async () => {
    await request(h.app.getHttpServer())
      .get('/v1/runs/00000000-0000-4000-8000-000000000000')
      .set('Authorization', h.auth)
      .expect(404);
    const bad = await request(h.app.getHttpServer())
      .get('/v1/runs/abc')
      .set('Authorization', h.auth)
      .expect(400);
    expect(bad.body.error.code).toBe('E_VALIDATION');
  });

  it("hides another tenant's runs", async () => {
    const created = await request(h.app.getHttpServer())
      .post('/v1/runs')
      .set('Authorization', h.auth)
      .send({ prompt: 'mine' });
    const other = await h.runtime.repositories.tenants.ensureTenant('other');
    const { key } = await h.runtime.repositories.apiKeys.createKey(other.id, 'other', []);
    await request(h.app.getHttpServer())
      .get(`/v1/runs/${created.body.id}`)
      .set('Authorization', `Bearer ${key}`)
      .expect(404);
    const list = await request(h.app.getHttpServer())
      .get('/v1/runs')
      .set('Authorization', `Bearer ${key}`)
      .expect(200);
    expect(list.body.data).toHaveLength(0);
  });
});
