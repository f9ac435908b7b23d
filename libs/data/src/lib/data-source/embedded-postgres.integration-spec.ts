import { access, mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_MIGRATIONS } from '../migrations/all-migrations';
import { TenantsRepository } from '../tenants/tenants.repository';
import { createDataSource } from './create-data-source';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from './embedded-postgres';
import { resolveDatabase } from './resolve-database';
import { runMigrations } from './run-migrations';

describe('embedded Postgres', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gtr-embedded-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps its data across a stop and a start, and holds the data folder while running', async () => {
    const first = await resolveDatabase({ dataDir });
    expect(first).toMatchObject({ embedded: true, poolSize: EMBEDDED_POOL_SIZE });
    expect(first.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toMatchObject({ code: 'E_SYSTEM_DATABASE' });

    let ds = createDataSource({ url: first.url, poolSize: EMBEDDED_POOL_SIZE });
    expect(await runMigrations(ds)).toEqual(ALL_MIGRATIONS.map((migration) => new migration().name));
    const tenant = await new TenantsRepository(ds).ensureTenant('embedded');
    // Concurrent transactions through the pool stay consistent.
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((name) =>
        ds.transaction(async (manager) => {
          await manager.query('INSERT INTO tenants (name) VALUES ($1)', [name]);
          await manager.query('SELECT count(*) FROM tenants');
        }),
      ),
    );
    await ds.destroy();
    await first.stop();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    ds = createDataSource({ url: second.url, poolSize: EMBEDDED_POOL_SIZE });
    await ds.initialize();
    try {
      expect(await runMigrations(ds)).toEqual([]);
      expect(await new TenantsRepository(ds).findById(tenant.id)).toEqual(tenant);
      const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM tenants');
      expect(count).toBe(7);
    } finally {
      await ds.destroy();
      await second.stop();
    }
  }, 60_000);

  it('frees the data folder when the server cannot start', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await expect(access(join(dataDir, 'pgdata.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);
});
