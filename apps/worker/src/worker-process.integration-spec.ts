import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { type AppConfig, loadConfig } from '@gtr/config';
import { QueueName } from '@gtr/queue';
import { type Runtime, createRuntime, runJobId } from '@gtr/server';
import { createLogger } from '@gtr/telemetry';
import { createTestDatabase, createTestTenant, type TestDatabase } from '@gtr/testing';
import { startWorkerProcess } from './worker-process';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const silent = createLogger({ name: 'worker-process-spec', level: 'silent' });

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('worker process', () => {
  const prefix = `gtrtest-worker-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const appName = `gtr-worker-spec-${process.pid}`;
  let db: TestDatabase;
  let config: AppConfig;
  let producer: Runtime;
  let tenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 1 });
    const url = new URL(db.url);
    url.searchParams.set('application_name', appName);
    config = loadConfig({
      DATABASE_URL: url.toString(),
      REDIS_URL,
      GTR_QUEUE_PREFIX: prefix,
      GTR_WORKER_PORT: '0',
      GTR_WORKER_ID: 'worker-under-test',
    });
    // The api's side: inserts runs and enqueues them on the same Redis prefix.
    producer = await createRuntime(
      loadConfig({ DATABASE_URL: db.url, REDIS_URL, GTR_QUEUE_PREFIX: prefix }),
      {
        service: 'api',
        migrate: false,
        logger: silent,
      },
    );
    tenantId = (await createTestTenant(producer.dataSource)).id;
  });
  afterAll(async () => {
    await producer.close();
    await db.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  async function submit(prompt: string): Promise<string> {
    const { run } = await producer.repositories.runs.create(tenantId, {
      provider: 'dry-run',
      model: 'dry-run-1',
      messages: [{ role: 'user', content: prompt }],
      timeoutMs: 10_000,
    });
    await producer.queue.add(QueueName.Runs, {
      id: runJobId(run.id, 1),
      payload: { runId: run.id, tenantId },
    });
    return run.id;
  }
  const statusOf = async (id: string) => (await producer.repositories.runs.findById(tenantId, id))?.status;
  async function workerConnections(): Promise<number> {
    const [row] = await producer.dataSource.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [appName],
    );
    return row.n;
  }

  it('refuses to start without Postgres and Redis URLs', async () => {
    await expect(startWorkerProcess(loadConfig({ DATABASE_URL: db.url }))).rejects.toMatchObject({
      code: 'E_CONFIG_MISSING',
    });
    await expect(startWorkerProcess(loadConfig({ REDIS_URL }))).rejects.toMatchObject({
      code: 'E_CONFIG_MISSING',
    });
  });

  it('consumes runs once started, serves health, and stops consuming when closed', async () => {
    const worker = await startWorkerProcess(config, { logger: silent, queue: { closeGraceMs: 200 } });
    let closed = false;
    try {
      const first = await submit('Say one');
      await until(async () => ((await statusOf(first)) === 'succeeded' ? true : undefined));
      const [attempt] = await producer.dataSource.query(
        'SELECT worker_id FROM run_attempts WHERE run_id = $1',
        [first],
      );
      expect(attempt.worker_id).toBe('worker-under-test');

      const ready = await fetch(`http://127.0.0.1:${worker.port}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });

      await worker.close();
      await worker.close(); // idempotent
      closed = true;
      await expect(fetch(`http://127.0.0.1:${worker.port}/health/live`)).rejects.toThrow();
      const second = await submit('Say two');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await statusOf(second)).toBe('queued');
      await until(async () => ((await workerConnections()) === 0 ? true : undefined), 3_000);
    } finally {
      if (!closed) await worker.close();
    }
  });

  it('closes what it opened when the health port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    try {
      const port = String((blocker.address() as AddressInfo).port);
      await expect(
        startWorkerProcess({ ...config, GTR_WORKER_PORT: Number(port) }, { logger: silent }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await until(async () => ((await workerConnections()) === 0 ? true : undefined), 3_000);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
