import request from 'supertest';
import { type BatchView, type CreateBatchResult } from '@gtr/domain';
import { type MockLlm, startMockLlm } from '@gtr/mock-llm';
import { QueueName } from '@gtr/queue';
import { ProviderBatchRunner } from '@gtr/server';
import { type ApiHarness, startApi } from '../../test/api-harness';

const KEY = 'sk-test-api-provider-batch-0123456789';

describe('batches API in provider_batch mode', () => {
  let h: ApiHarness;
  let mock: MockLlm;
  const post = (path: string) => request(h.app.getHttpServer()).post(path).set('Authorization', h.auth);
  const get = (path: string) => request(h.app.getHttpServer()).get(path).set('Authorization', h.auth);
  /** The worker's provider-batch loop, ticked by hand. */
  const loop = () => new ProviderBatchRunner(h.runtime, { pollIntervalMs: 0 });
  const rows = [{ prompt: 'Say one' }, { prompt: 'Say two' }];

  beforeAll(async () => {
    mock = await startMockLlm({ apiKey: KEY, batchDelayMs: 0 });
    h = await startApi({ startWorker: false, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: mock.url } });
  });
  afterAll(async () => {
    await h?.close();
    await mock?.close();
  });
  beforeEach(async () => {
    await h.runtime.dataSource.query('TRUNCATE runs, batches CASCADE');
    mock.reset({ options: true });
  });

  it('stores the batch without enqueueing it; the provider-batch loop runs it', async () => {
    const waiting = (await h.runtime.queue.counts(QueueName.Runs)).waiting;
    const res = await post('/v1/batches')
      .send({ rows, provider: 'openai', model: 'gpt-4o-mini', options: { mode: 'provider_batch' } })
      .expect(201);
    const { batch } = res.body as CreateBatchResult;
    expect(batch).toMatchObject({ mode: 'provider_batch', total: 2, counts: { queued: 2 } });
    expect((await h.runtime.queue.counts(QueueName.Runs)).waiting).toBe(waiting);
    await loop().tick();
    await loop().tick();
    const done = (await get(`/v1/batches/${batch.id}`).expect(200)).body as BatchView;
    expect(done).toMatchObject({ counts: { succeeded: 2 } });
    expect(mock.stats().byPath['POST /v1/batches']).toBe(1);
  });

  it('refuses provider_batch with a provider that has no Batch API, naming options.mode', async () => {
    const res = await post('/v1/batches')
      .send({ rows, provider: 'dry-run', options: { mode: 'provider_batch' } })
      .expect(400);
    expect(res.body.error.code).toBe('E_VALIDATION');
    expect(res.body.error.issues[0].field).toBe('options.mode');
    expect(res.body.error.message).toMatch(/openai provider or options\.mode "queue"/);
    const [{ n }] = await h.runtime.dataSource.query('SELECT count(*)::int AS n FROM batches');
    expect(n).toBe(0);
  });

  it('cancels the provider batch when the batch is cancelled', async () => {
    mock.configure({ batchDelayMs: 3_600_000 });
    const res = await post('/v1/batches')
      .send({ rows, provider: 'openai', options: { mode: 'provider_batch' } })
      .expect(201);
    const { batch } = res.body as CreateBatchResult;
    await loop().tick();
    const cancelled = (await post(`/v1/batches/${batch.id}/cancel`).expect(200)).body as BatchView;
    expect(cancelled.counts).toMatchObject({ cancelled: 2 });
    const cancels = Object.entries(mock.stats().byPath).filter(([path]) => path.endsWith('/cancel'));
    expect(cancels).toEqual([[expect.stringMatching(/^POST \/v1\/batches\/batch_\w+\/cancel$/), 1]]);
  });
});
