import { runMigrationStep } from '../../../test/migration-step';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { AddedResponseCache1795634658025 } from './1795634658025-AddedResponseCache';

describe('AddedResponseCache', () => {
  let db: TestDatabase;
  let tenantId: string;
  const migration = new AddedResponseCache1795634658025();

  beforeAll(async () => {
    db = await createTestDatabase();
    [{ id: tenantId }] = await db.dataSource.query(
      `INSERT INTO tenants (name) VALUES ('cache') RETURNING id`,
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  const step = (direction: 'up' | 'down') => runMigrationStep(db, migration, direction);

  const insertRun = (extra = '', values: unknown[] = []) =>
    db.dataSource.query(
      `INSERT INTO runs (tenant_id, provider, model, messages, timeout_ms${extra ? `, ${extra}` : ''})
       VALUES ($1, 'p', 'm', '[]', 1000${values.map((_, i) => `, $${i + 2}`).join('')}) RETURNING *`,
      [tenantId, ...values],
    );

  it('gives runs that existed before it cached = false and no cache opt-in', async () => {
    await step('down');
    const [before] = await insertRun();
    expect(before).not.toHaveProperty('cached');
    await step('up');
    const [after] = await db.dataSource.query('SELECT cached, cache_ttl_seconds FROM runs WHERE id = $1', [
      before.id,
    ]);
    expect(after).toEqual({ cached: false, cache_ttl_seconds: null });
  });

  it('accepts a positive cache TTL and rejects 0', async () => {
    await expect(insertRun('cache_ttl_seconds', [60])).resolves.toMatchObject([{ cache_ttl_seconds: 60 }]);
    await expect(insertRun('cache_ttl_seconds', [0])).rejects.toThrow(/CHK_runs_cache_ttl_seconds/);
  });

  it('keys the cache by tenant and key, and drops a tenant’s entries with the tenant', async () => {
    const [{ id: doomed }] = await db.dataSource.query(
      `INSERT INTO tenants (name) VALUES ('doomed') RETURNING id`,
    );
    const put = (tenant: string) =>
      db.dataSource.query(
        `INSERT INTO response_cache (tenant_id, key, provider, model, prompt_tokens, completion_tokens, total_tokens,
           cached_tokens, expires_at) VALUES ($1, 'k', 'p', 'm', 1, 1, 2, 0, now())`,
        [tenant],
      );
    await put(doomed);
    await put(tenantId);
    await expect(put(tenantId)).rejects.toThrow(/PK_response_cache/);
    await db.dataSource.query('DELETE FROM tenants WHERE id = $1', [doomed]);
    const rows: unknown[] = await db.dataSource.query('SELECT tenant_id FROM response_cache');
    expect(rows).toEqual([{ tenant_id: tenantId }]);
  });

  it('indexes expires_at for the purge', async () => {
    const rows: Array<{ indexdef: string }> = await db.dataSource.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_response_cache_expires_at'`,
    );
    expect(rows[0]?.indexdef).toBe(
      'CREATE INDEX "IDX_response_cache_expires_at" ON public.response_cache USING btree (expires_at)',
    );
  });

  it('reverts cleanly and applies again', async () => {
    await step('down');
    const [table] = await db.dataSource.query(`SELECT to_regclass('response_cache') AS oid`);
    expect(table.oid).toBeNull();
    const columns: Array<{ column_name: string }> = await db.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'runs' AND column_name IN ('cached', 'cache_ttl_seconds')`,
    );
    expect(columns).toEqual([]);
    await step('up');
    const [again] = await db.dataSource.query(`SELECT to_regclass('response_cache') AS oid`);
    expect(again.oid).not.toBeNull();
  });
});
