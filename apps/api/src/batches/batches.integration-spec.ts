import request from 'supertest';
import { type BatchView, type CreateBatchResult, type RunView } from '@gtr/domain';
import { QueueName } from '@gtr/queue';
import { formatCsvCell, parseCsv } from '@gtr/task-files';
import { type ApiHarness, startApi } from '../../test/api-harness';

async function count(h: ApiHarness, table: 'runs' | 'batches'): Promise<number> {
  const [row] = await h.runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function csvRecords(text: string): Promise<string[][]> {
  const records: string[][] = [];
  for await (const record of parseCsv(once(text))) records.push(record.cells);
  return records;
}

/** A prompt with what CSV must quote: commas, quotes, CRLF and LF line breaks. */
const trickyPrompt = (i: number) => `Row ${i}, "quoted" text,\r\nsecond line\nthird ${'x'.repeat(i % 40)}`;

describe('batches API', () => {
  let h: ApiHarness;
  const server = () => h.app.getHttpServer();
  const post = (path: string) => request(server()).post(path).set('Authorization', h.auth);
  const get = (path: string) => request(server()).get(path).set('Authorization', h.auth);

  beforeAll(async () => {
    h = await startApi({ startWorker: false });
  });
  afterAll(() => h.close());

  beforeEach(async () => {
    await h.runtime.dataSource.query('TRUNCATE runs, batches CASCADE');
  });

  it('creates a batch from JSON rows, enqueues every run and keeps temperature 0', async () => {
    const res = await post('/v1/batches')
      .send({
        name: 'json',
        rows: [
          { prompt: 'a', temperature: 0 },
          { id: 'b', prompt: 'b', max_tokens: 5 },
        ],
        options: { priority: 3 },
      })
      .expect(201);
    const result = res.body as CreateBatchResult;
    expect(result).toMatchObject({ skippedRows: 0, issues: [], moreIssues: 0 });
    expect(result.batch).toMatchObject({
      name: 'json',
      status: 'queued',
      total: 2,
      priority: 3,
      counts: { queued: 2 },
    });
    const runs = await get(`/v1/batches/${result.batch.id}/runs`).expect(200);
    const data = runs.body.data as RunView[];
    expect(data.map((r) => r.messages[0].content)).toEqual(['a', 'b']);
    expect(data[0].params).toEqual({ temperature: 0 });
    expect(data[1].params).toEqual({ maxTokens: 5 });
    expect(data.every((r) => r.batchId === result.batch.id)).toBe(true);
    expect((await h.runtime.queue.counts(QueueName.Runs)).waiting).toBeGreaterThanOrEqual(2);
  });

  it('runs a 2,000-row CSV upload over 64 KiB and gives back prompts byte for byte, in order', async () => {
    const lines = ['id,prompt,temperature'];
    for (let i = 1; i <= 2000; i++) lines.push(`r${i},${formatCsvCell(trickyPrompt(i))},0`);
    const csv = lines.join('\r\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(64 * 1024);
    const res = await post('/v1/batches')
      .field('name', 'upload')
      .attach('file', Buffer.from(csv), 'tasks.csv')
      .expect(201);
    const batch = (res.body as CreateBatchResult).batch;
    expect(batch.total).toBe(2000);

    const csvResults = await get(`/v1/batches/${batch.id}/results?format=csv`).buffer(true).expect(200);
    expect(csvResults.headers['content-type']).toContain('text/csv');
    const records = await csvRecords(csvResults.text);
    const header = records[0];
    expect(header.slice(0, 3)).toEqual(['ID', 'Success', 'Response']);
    const rows = records.slice(1);
    expect(rows).toHaveLength(2000);
    const [idCol, promptCol, tempCol] = ['ID', 'Prompt', 'Temperature'].map((name) => header.indexOf(name));
    rows.forEach((cells, i) => {
      expect(cells[idCol]).toBe(`r${i + 1}`);
      expect(cells[promptCol]).toBe(trickyPrompt(i + 1));
      expect(cells[tempCol]).toBe('0');
    });

    const jsonl = await get(`/v1/batches/${batch.id}/results?format=jsonl`).buffer(true).expect(200);
    const ids = jsonl.text
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: 2000 }, (_, i) => `r${i + 1}`));
  });

  it('refuses an invalid file with issues naming row and field, and stores nothing', async () => {
    const lines = ['prompt,temperature'];
    for (let i = 1; i <= 150; i++) lines.push(i % 2 === 0 ? 'ok,0.5' : 'bad,abc');
    const res = await post('/v1/batches')
      .attach('file', Buffer.from(lines.join('\n')), 'tasks.csv')
      .expect(400);
    expect(res.body.error.code).toBe('E_VALIDATION');
    expect(res.body.error.issues).toHaveLength(75);
    expect(res.body.error.issues[0]).toMatchObject({ row: 1, field: 'temperature' });
    expect(res.body.error.moreIssues).toBe(0);

    const many = ['prompt,temperature', ...Array.from({ length: 130 }, () => 'bad,abc')];
    const more = await post('/v1/batches')
      .attach('file', Buffer.from(many.join('\n')), 'tasks.csv')
      .expect(400);
    expect(more.body.error.issues).toHaveLength(100);
    expect(more.body.error.moreIssues).toBe(30);
    expect(await count(h, 'runs')).toBe(0);
    expect(await count(h, 'batches')).toBe(0);
  });

  it('with skipInvalid runs the good rows and returns the bad ones', async () => {
    const jsonl = [
      '{"prompt":"good 1"}',
      '{"prompt":"bad","temperature":"hot"}',
      'not json',
      '{"prompt":"good 2"}',
    ].join('\n');
    const res = await post('/v1/batches')
      .field('skipInvalid', 'true')
      .attach('file', Buffer.from(jsonl), 'tasks.jsonl')
      .expect(201);
    const result = res.body as CreateBatchResult;
    expect(result.batch.total).toBe(2);
    expect(result.skippedRows).toBe(2);
    expect(result.issues.map((i) => i.row)).toEqual([2, 3]);
    expect(result.issues[0].field).toBe('temperature');
  });

  it('refuses bad requests naming the field', async () => {
    const noFile = await post('/v1/batches').field('name', 'x').expect(400);
    expect(noFile.body.error.issues[0].field).toBe('file');
    const badField = await post('/v1/batches')
      .field('priority', 'high')
      .attach('file', Buffer.from('prompt\nhi'), 'a.csv')
      .expect(400);
    expect(badField.body.error.issues[0].field).toBe('priority');
    const noRows = await post('/v1/batches').send({ rows: [] }).expect(400);
    expect(noRows.body.error.issues[0].field).toBe('rows');
    const versionOnly = await post('/v1/batches')
      .send({ version: 2, rows: [{ prompt: 'a' }] })
      .expect(400);
    expect(versionOnly.body.error.issues[0].field).toBe('task');
    const badFormat = await post('/v1/batches').attach('file', Buffer.from('x'), 'tasks.txt').expect(400);
    expect(badFormat.body.error.code).toBe('E_FILE_FORMAT');
    await get('/v1/batches/not-a-uuid').expect(400);
    await get('/v1/batches/00000000-0000-4000-8000-000000000000').expect(404);
    await get('/v1/batches/00000000-0000-4000-8000-000000000000/runs').expect(404);
    await get('/v1/batches/00000000-0000-4000-8000-000000000000/results').expect(404);
    await post('/v1/batches/00000000-0000-4000-8000-000000000000/cancel').expect(404);
    await post('/v1/batches/00000000-0000-4000-8000-000000000000/retry-failed').expect(404);
    expect(await count(h, 'runs')).toBe(0);
  });

  it('renders each row with a task template', async () => {
    await post('/v1/tasks')
      .send({ name: 'greet', prompt: 'Greet {{name}} in {{lang}}', params: { temperature: 0.2 } })
      .expect(201);
    const res = await post('/v1/batches')
      .send({
        task: 'greet',
        rows: [
          { name: 'Ada', lang: 'fr' },
          { name: 'Alan', lang: 'de', id: 'x' },
        ],
      })
      .expect(201);
    const batch = (res.body as CreateBatchResult).batch;
    expect(batch.taskVersion).toBe(1);
    const runs = (await get(`/v1/batches/${batch.id}/runs`).expect(200)).body.data as RunView[];
    expect(runs.map((r) => r.messages[0].content)).toEqual(['Greet Ada in fr', 'Greet Alan in de']);
    expect(runs[0].params).toEqual({ temperature: 0.2 });

    const missing = await post('/v1/batches')
      .send({ task: 'greet', rows: [{ name: 'Ada' }] })
      .expect(400);
    expect(missing.body.error.issues[0]).toMatchObject({ row: 1, field: 'lang' });
    await post('/v1/batches')
      .send({ task: 'nope', rows: [{ a: 1 }] })
      .expect(404);
  });

  it('replays an idempotent submission with 200 and the same batch', async () => {
    const first = await post('/v1/batches')
      .set('Idempotency-Key', 'batch-1')
      .send({ rows: [{ prompt: 'a' }] })
      .expect(201);
    const again = await post('/v1/batches')
      .set('Idempotency-Key', 'batch-1')
      .send({ rows: [{ prompt: 'b' }, { prompt: 'c' }] })
      .expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.batch.id).toBe(first.body.batch.id);
    expect(await count(h, 'runs')).toBe(1);
  });

  it('lists batches, cancels one, and filters results by status', async () => {
    const a = (
      await post('/v1/batches')
        .send({ rows: [{ prompt: 'a' }] })
        .expect(201)
    ).body.batch as BatchView;
    const b = (
      await post('/v1/batches')
        .send({ rows: [{ prompt: 'b1' }, { prompt: 'b2' }, { prompt: 'b3' }] })
        .expect(201)
    ).body.batch as BatchView;
    const list = await get('/v1/batches?limit=1').expect(200);
    expect(list.body.data.map((x: BatchView) => x.id)).toEqual([b.id]);
    const next = await get(`/v1/batches?limit=1&cursor=${list.body.nextCursor}`).expect(200);
    expect(next.body.data.map((x: BatchView) => x.id)).toEqual([a.id]);

    const [first] = (await get(`/v1/batches/${b.id}/runs`).expect(200)).body.data as RunView[];
    await h.runtime.dataSource.query(
      `UPDATE runs SET status = 'succeeded', output_text = 'done', started_at = now(), finished_at = now() WHERE id = $1`,
      [first.id],
    );
    const cancelled = await post(`/v1/batches/${b.id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', counts: { succeeded: 1, cancelled: 2 } });
    expect((await get(`/v1/batches/${a.id}`).expect(200)).body.status).toBe('queued');

    const onlyCancelled = await get(`/v1/batches/${b.id}/results?status=cancelled`).buffer(true).expect(200);
    const lines = onlyCancelled.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.success, l.errorCode])).toEqual([
      ['2', false, 'E_CANCELLED'],
      ['3', false, 'E_CANCELLED'],
    ]);
    const all = await get(`/v1/batches/${b.id}/results`).buffer(true).expect(200);
    expect(JSON.parse(all.text.split('\n')[0])).toMatchObject({
      id: '1',
      success: true,
      response: { text: 'done' },
    });
    await get(`/v1/batches/${b.id}/results?format=xml`).expect(400);
  });
});

describe('batches API with a worker', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({ startWorker: true });
  });
  afterAll(() => h.close());

  async function waitForBatch(id: string, statuses: string[]): Promise<BatchView> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await request(h.app.getHttpServer()).get(`/v1/batches/${id}`).set('Authorization', h.auth);
      if (statuses.includes(res.body.status) || Date.now() > deadline) return res.body as BatchView;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('pauses a batch (no run starts while paused) and resumes it without running any row twice', async () => {
    const api = () => request(h.app.getHttpServer());
    const rows = Array.from({ length: 300 }, (_, i) => ({ prompt: `pause ${i}` }));
    const created = await api()
      .post('/v1/batches')
      .set('Authorization', h.auth)
      .send({ rows, options: { concurrency: 1 } })
      .expect(201);
    const id = created.body.batch.id as string;
    expect(created.body.batch.concurrency).toBe(1);

    const paused = await api().post(`/v1/batches/${id}/pause`).set('Authorization', h.auth).expect(200);
    expect(paused.body.status).toBe('paused');
    await api().post(`/v1/batches/${id}/pause`).set('Authorization', h.auth).expect(200); // again: no-op
    // The one call that may have been in flight finishes; then nothing moves.
    await new Promise((r) => setTimeout(r, 300));
    const before = (await api().get(`/v1/batches/${id}`).set('Authorization', h.auth)).body as BatchView;
    await new Promise((r) => setTimeout(r, 500));
    const after = (await api().get(`/v1/batches/${id}`).set('Authorization', h.auth)).body as BatchView;
    expect(after).toMatchObject({ status: 'paused', done: before.done });
    expect(after.done).toBeLessThan(300);

    const resumed = await api().post(`/v1/batches/${id}/resume`).set('Authorization', h.auth).expect(200);
    expect(['running', 'queued', 'succeeded']).toContain(resumed.body.status);
    const done = await waitForBatch(id, ['succeeded', 'partial', 'failed']);
    expect(done).toMatchObject({ status: 'succeeded', done: 300 });
    const [attempts] = await h.runtime.dataSource.query(
      'SELECT max(attempt_count)::int AS most, count(*)::int AS runs FROM runs WHERE batch_id = $1',
      [id],
    );
    expect(attempts).toEqual({ most: 1, runs: 300 });

    const conflict = await api().post(`/v1/batches/${id}/pause`).set('Authorization', h.auth).expect(409);
    expect(conflict.body.error.code).toBe('E_CONFLICT');
    await api().post(`/v1/batches/${id}/resume`).set('Authorization', h.auth).expect(409);
    await api()
      .post('/v1/batches/00000000-0000-4000-8000-000000000000/resume')
      .set('Authorization', h.auth)
      .expect(404);
  });

  it('runs a batch to the end, then retries its failed runs with fresh attempts', async () => {
    const created = await request(h.app.getHttpServer())
      .post('/v1/batches')
      .set('Authorization', h.auth)
      .send({ rows: [{ prompt: 'one' }, { prompt: 'two' }, { prompt: 'three' }] })
      .expect(201);
    const done = await waitForBatch(created.body.batch.id, ['succeeded', 'partial', 'failed']);
    expect(done).toMatchObject({ status: 'succeeded', done: 3, etaSeconds: null });
    expect(done.usage.totalTokens).toBeGreaterThan(0);
    expect(done.finishedAt).not.toBeNull();

    const [run] = (
      await request(h.app.getHttpServer())
        .get(`/v1/batches/${done.id}/runs?limit=1`)
        .set('Authorization', h.auth)
    ).body.data as RunView[];
    await h.runtime.dataSource.query(
      `UPDATE runs SET status = 'failed', error_code = 'E_SERVER_ERROR', error_message = 'boom' WHERE id = $1`,
      [run.id],
    );
    const retried = await request(h.app.getHttpServer())
      .post(`/v1/batches/${done.id}/retry-failed`)
      .set('Authorization', h.auth)
      .expect(200);
    expect(retried.body.retried).toBe(1);
    const again = await waitForBatch(done.id, ['succeeded']);
    expect(again.status).toBe('succeeded');
    const detail = await request(h.app.getHttpServer())
      .get(`/v1/runs/${run.id}`)
      .set('Authorization', h.auth);
    expect(detail.body).toMatchObject({ status: 'succeeded', attemptCount: 2, error: null });
  });
});
