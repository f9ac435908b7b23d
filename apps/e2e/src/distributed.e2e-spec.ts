import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { type RunDetailView, type RunView } from '@gtr/domain';
import { type MockLlm, startMockLlm } from '@gtr/mock-llm';
import { type TestDatabase, createTestDatabase } from '@gtr/testing';
import {
  type Proc,
  API_MAIN,
  WORKER_MAIN,
  freePort,
  gtr,
  runMigrations,
  startProcess,
  waitForReady,
} from './support/processes';

const ADMIN_KEY = `gtr_e2e_${randomUUID().replace(/-/g, '')}`;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('distributed mode: api and two workers on Postgres and Redis, driven by the CLI', () => {
  let mock: MockLlm;
  let db: TestDatabase;
  let api: Proc;
  let workers: Proc[] = [];
  let apiUrl: string;
  let env: Record<string, string>;
  let cliEnv: Record<string, string>;
  const prefix = `gtr-e2e-${randomUUID().slice(0, 8)}`;

  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    mock = await startMockLlm({ latencyMs: 40, jitterMs: 10, apiKey: 'sk-e2e-provider-key' });
    db = await createTestDatabase({ migrate: false });
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      GTR_QUEUE_PREFIX: prefix,
      OPENAI_API_KEY: 'sk-e2e-provider-key',
      OPENAI_BASE_URL: mock.url,
      GTR_ADMIN_API_KEY: ADMIN_KEY,
      GTR_DATA_DIR: `/tmp/${prefix}`,
      PORT: String(port),
      LOG_LEVEL: 'info',
    };
    cliEnv = { GTR_API_URL: apiUrl, GTR_API_KEY: ADMIN_KEY, GTR_DATA_DIR: `/tmp/${prefix}-cli` };
    runMigrations(env);
    api = startProcess('api', API_MAIN, env);
    workers = [1, 2].map((i) =>
      startProcess(`worker-${i}`, WORKER_MAIN, {
        ...env,
        GTR_WORKER_PORT: '0',
        GTR_WORKER_ID: `worker-${i}`,
      }),
    );
    await waitForReady(apiUrl, api);
    // Workers have no shared port to probe: wait until both log that they consume.
    const deadline = Date.now() + 30_000;
    while (!workers.every((w) => w.output().includes('worker consuming runs'))) {
      if (Date.now() > deadline) throw new Error(workers.map((w) => w.output()).join('\n'));
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  afterAll(async () => {
    await Promise.all([api, ...workers].filter(Boolean).map((p) => p.stop()));
    await mock?.close();
    await db?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('answers `gtr run -p … --wait` through the real CLI', async () => {
    const result = await gtr(['run', '-p', 'Say hello from e2e', '--wait'], cliEnv);
    expect(result.stderr).not.toContain('error');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('hello from e2e');
  });

  it('shares the work between two workers and never calls the provider twice for a run', async () => {
    mock.reset();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const created = await call<RunView>('POST', '/v1/runs', { prompt: `e2e prompt number ${i}` });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const runs: RunDetailView[] = [];
    const deadline = Date.now() + 60_000;
    for (const id of ids) {
      for (;;) {
        const { body } = await call<RunDetailView>('GET', `/v1/runs/${id}`);
        if (['succeeded', 'failed', 'cancelled'].includes(body.status)) {
          runs.push(body);
          break;
        }
        if (Date.now() > deadline)
          throw new Error(`run ${id} stuck in ${body.status}\n${workers.map((w) => w.output()).join('\n')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(runs.map((r) => r.status)).toEqual(ids.map(() => 'succeeded'));
    expect(runs.every((r) => r.attempts.length === 1)).toBe(true);
    const stats = mock.stats();
    expect(stats.chatCompletions.ok).toBe(40);
    expect(mock.duplicates()).toEqual([]);
    const byWorker = await db.dataSource.query(
      'SELECT worker_id, count(*)::int AS n FROM run_attempts WHERE run_id = ANY($1) GROUP BY worker_id ORDER BY worker_id',
      [ids],
    );
    expect(byWorker.map((r: { worker_id: string }) => r.worker_id)).toEqual(['worker-1', 'worker-2']);
  });

  it('lists runs as a table and as JSON', async () => {
    const table = await gtr(['runs', 'list', '--limit', '5'], cliEnv);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/STATUS/);
    expect(table.stdout).toMatch(/succeeded/);
    const json = await gtr(['runs', 'list', '--limit', '5', '--json'], cliEnv);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).data).toHaveLength(5);
  });

  it('reports bad input with the field, a validation exit code and nothing stored', async () => {
    const [{ n: before }] = await db.dataSource.query('SELECT count(*)::int AS n FROM runs');
    const result = await gtr(['run', '-p', 'x', '--temperature', '5'], cliEnv);
    expect(result.status).toBeGreaterThanOrEqual(30);
    expect(result.status).toBeLessThanOrEqual(33);
    expect(result.stderr).toContain('temperature');
    const [{ n: after }] = await db.dataSource.query('SELECT count(*)::int AS n FROM runs');
    expect(after).toBe(before);
  });

  it('rejects a wrong key with exit code 12 and never prints the key', async () => {
    const result = await gtr(['runs', 'list'], { ...cliEnv, GTR_API_KEY: 'gtr_not_a_real_key_123456' });
    expect(result.status).toBe(12);
    expect(result.stderr).toContain('E_AUTH');
    expect(result.stderr + result.stdout).not.toContain('gtr_not_a_real_key_123456');
  });

  it('never logs a secret', () => {
    const logs = [api, ...workers].map((p) => p.output()).join('\n');
    expect(logs).not.toContain(ADMIN_KEY);
    expect(logs).not.toContain('sk-e2e-provider-key');
  });
});
