import { hostname } from 'node:os';
import { loadConfig } from '@gtr/config';
import { resolveDatabase, runMigrations } from '@gtr/data';
import { GtrError } from '@gtr/domain';
import { type QueueDriver, createEventBus, createQueueDriver } from '@gtr/queue';
import { createLogger } from '@gtr/telemetry';
import { createTestDatabase, type TestDatabase } from '@gtr/testing';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/redis-test-keys';
import { waitFor } from '../../test/wait-for';
import { createRuntime, providerConfigsOf } from './runtime';

jest.mock('@gtr/data', () => {
  const actual = jest.requireActual('@gtr/data');
  return {
    ...actual,
    runMigrations: jest.fn(actual.runMigrations),
    resolveDatabase: jest.fn(actual.resolveDatabase),
  };
});
jest.mock('@gtr/queue', () => {
  const actual = jest.requireActual('@gtr/queue');
  return {
    ...actual,
    createEventBus: jest.fn(actual.createEventBus),
    createQueueDriver: jest.fn(actual.createQueueDriver),
  };
});

const silent = createLogger({ name: 'runtime-spec', level: 'silent' });

describe('providerConfigsOf', () => {
  it('has only the dry-run provider without an OpenAI key', () => {
    expect(providerConfigsOf(loadConfig({ GTR_DEFAULT_MODEL: 'm1' }))).toEqual([
      { name: 'dry-run', kind: 'dry-run', defaultModel: 'm1' },
    ]);
  });

  it('adds openai with the key and base URL when a key is set', () => {
    const configs = providerConfigsOf(
      loadConfig({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }),
    );
    expect(configs).toEqual([
      { name: 'dry-run', kind: 'dry-run', defaultModel: 'gpt-4o-mini' },
      {
        name: 'openai',
        kind: 'openai',
        apiKey: 'sk-x',
        baseURL: 'http://127.0.0.1:9/v1',
        defaultModel: 'gpt-4o-mini',
      },
    ]);
  });
});

describe('createRuntime', () => {
  let db: TestDatabase;
  const prefix = uniquePrefix('runtime');
  const appName = `gtr-runtime-spec-${process.pid}`;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 1 });
    const withName = new URL(db.url);
    withName.searchParams.set('application_name', appName);
    url = withName.toString();
  });
  afterAll(async () => {
    await db.drop();
    await deleteKeys(prefix);
  });

  /** Connections the runtime under test holds on the test database. */
  async function openConnections(): Promise<number> {
    const [row] = await db.dataSource.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [appName],
    );
    return row.n;
  }
  const noConnectionsLeft = () =>
    waitFor(async () => ((await openConnections()) === 0 ? true : undefined), { timeoutMs: 3_000 });

  it('builds the in-process runtime of a process from its config', async () => {
    const runtime = await createRuntime(
      loadConfig({ DATABASE_URL: url, OPENAI_API_KEY: 'sk-test', GTR_QUEUE_PREFIX: prefix }),
      { service: 'worker', migrate: false, logger: silent },
    );
    try {
      expect(runtime.embedded).toEqual({ database: false, redis: true });
      expect(runtime.providers.defaultProvider).toBe('openai');
      expect(runtime.providers.names()).toEqual(['dry-run', 'openai']);
      expect(runtime.workerId).toBe(`${hostname()}-${process.pid}`);
      expect(await runtime.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(await runtime.repositories.tenants.ensureTenant('t')).toMatchObject({ name: 't' });
      expect(await runtime.metrics.render()).toContain('service="worker"');
      expect(await openConnections()).toBeGreaterThan(0);
    } finally {
      await runtime.close();
    }
    await runtime.close(); // idempotent
    expect(runtime.dataSource.isInitialized).toBe(false);
    await noConnectionsLeft();
  });

  it('uses Redis for the queue and events when REDIS_URL is set', async () => {
    const runtime = await createRuntime(
      loadConfig({
        DATABASE_URL: url,
        REDIS_URL: TEST_REDIS_URL,
        GTR_QUEUE_PREFIX: prefix,
        GTR_WORKER_ID: 'w-7',
      }),
      { service: 'api', migrate: false, logger: silent },
    );
    try {
      expect(runtime.embedded).toEqual({ database: false, redis: false });
      expect(runtime.workerId).toBe('w-7');
      expect(runtime.providers.defaultProvider).toBe('dry-run');
      await expect(runtime.queue.ping()).resolves.toBeUndefined();
    } finally {
      await runtime.close();
    }
    await expect(runtime.queue.ping()).rejects.toThrow();
  });

  it('runs the migrations when asked', async () => {
    const fresh = await createTestDatabase({ migrate: false, poolSize: 1 });
    try {
      const runtime = await createRuntime(loadConfig({ DATABASE_URL: fresh.url, GTR_QUEUE_PREFIX: prefix }), {
        service: 'embedded',
        migrate: true,
        logger: silent,
      });
      try {
        const [row] = await runtime.dataSource.query(
          `SELECT to_regclass('public.runs') IS NOT NULL AS present`,
        );
        expect(row.present).toBe(true);
      } finally {
        await runtime.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('rejects an unknown default provider before opening any connection', async () => {
    jest.mocked(resolveDatabase).mockClear();
    const attempt = createRuntime(
      loadConfig({ DATABASE_URL: url, GTR_PROVIDER: 'nope', GTR_QUEUE_PREFIX: prefix }),
      {
        service: 'worker',
        migrate: false,
        logger: silent,
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'E_CONFIG_PROVIDER' });
    await expect(attempt).rejects.toBeInstanceOf(GtrError);
    expect(resolveDatabase).not.toHaveBeenCalled();
  });

  it('rejects an unreachable database', async () => {
    await expect(
      createRuntime(
        loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing', GTR_QUEUE_PREFIX: prefix }),
        {
          service: 'worker',
          migrate: false,
          logger: silent,
        },
      ),
    ).rejects.toThrow(/ECONNREFUSED|connect/);
  });

  it('closes the pool when the migrations fail', async () => {
    jest.mocked(runMigrations).mockRejectedValueOnce(new Error('migration 3 failed'));

    await expect(
      createRuntime(loadConfig({ DATABASE_URL: url, GTR_QUEUE_PREFIX: prefix }), {
        service: 'embedded',
        migrate: true,
        logger: silent,
      }),
    ).rejects.toThrow('migration 3 failed');
    await noConnectionsLeft();
  });

  it('closes the queue and the pool when a later step fails', async () => {
    jest.mocked(createQueueDriver).mockClear();
    jest.mocked(createEventBus).mockImplementationOnce(() => {
      throw new Error('event bus unavailable');
    });

    await expect(
      createRuntime(loadConfig({ DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, GTR_QUEUE_PREFIX: prefix }), {
        service: 'worker',
        migrate: false,
        logger: silent,
      }),
    ).rejects.toThrow('event bus unavailable');

    const queue = jest.mocked(createQueueDriver).mock.results[0]?.value as QueueDriver;
    await expect(queue.ping()).rejects.toThrow(/closed/i);
    await noConnectionsLeft();
  });
});
