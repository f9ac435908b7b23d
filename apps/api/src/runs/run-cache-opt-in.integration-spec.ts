import request from 'supertest';
import { type RunView } from '@gtr/domain';
import { type ApiHarness, startApi } from '../../test/api-harness';

describe('the response cache opt-in of POST /v1/runs', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({ startWorker: false });
  });
  afterAll(() => h.close());

  const post = (body: object) =>
    request(h.app.getHttpServer()).post('/v1/runs').set('Authorization', h.auth).send(body);
  const ttlOf = async (id: string) =>
    (await h.runtime.dataSource.query('SELECT cache_ttl_seconds FROM runs WHERE id = $1', [id]))[0]
      .cache_ttl_seconds;

  it('stores cache.ttlSeconds with the run, which is not cached yet', async () => {
    const run = (await post({ prompt: 'Hi', cache: { ttlSeconds: 3600 } }).expect(201)).body as RunView;
    expect(run.cached).toBe(false);
    expect(await ttlOf(run.id)).toBe(3600);
  });

  it('stores no opt-in without cache', async () => {
    const run = (await post({ prompt: 'Hi' }).expect(201)).body as RunView;
    expect(await ttlOf(run.id)).toBeNull();
  });

  it.each([0, 2_592_001, 1.5])(
    'rejects ttlSeconds %d naming cache.ttlSeconds, storing nothing',
    async (ttlSeconds) => {
      const [{ n: before }] = await h.runtime.dataSource.query('SELECT count(*)::int AS n FROM runs');
      const res = await post({ prompt: 'Hi', cache: { ttlSeconds } }).expect(400);
      expect(res.body.error.issues[0].field).toBe('cache.ttlSeconds');
      const [{ n: after }] = await h.runtime.dataSource.query('SELECT count(*)::int AS n FROM runs');
      expect(after).toBe(before);
    },
  );
});
