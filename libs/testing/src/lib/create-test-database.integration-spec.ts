import { ALL_MIGRATIONS, RunsRepository } from '@gtr/data';
import { createTestDatabase } from './create-test-database';
import { createTestTenant } from './create-test-tenant';
import { makeRunInput } from './make-run-input';
import { truncateAll } from './truncate-all';

describe('test database helpers', () => {
  it('create a migrated database of its own, fill it, empty it and drop it', async () => {
    const db = await createTestDatabase();
    const name = new URL(db.url).pathname.slice(1);
    expect(name).toMatch(/^gtr_test_[a-z0-9]+_[0-9a-f]{8}$/);
    try {
      const tenant = await createTestTenant(db.dataSource);
      expect(tenant.name).toMatch(/^tenant-[0-9a-f]{8}$/);
      const { run } = await new RunsRepository(db.dataSource).create(tenant.id, makeRunInput({ model: 'm' }));
      expect(run).toMatchObject({ status: 'queued', provider: 'dry-run', model: 'm' });

      await truncateAll(db.dataSource);
      const [{ runs, tenants, migrations }] = await db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM runs) AS runs, (SELECT count(*)::int FROM tenants) AS tenants,
                (SELECT count(*)::int FROM schema_migrations) AS migrations`,
      );
      expect({ runs, tenants, migrations }).toEqual({
        runs: 0,
        tenants: 0,
        migrations: ALL_MIGRATIONS.length,
      });
    } finally {
      await db.drop();
    }
    const other = await createTestDatabase({ poolSize: 1 });
    try {
      const rows: unknown[] = await other.dataSource.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      expect(rows).toEqual([]);
    } finally {
      await other.drop();
    }
  });
});
