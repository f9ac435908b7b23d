import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { MIGRATIONS_TABLE } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';
import { ALL_MIGRATIONS } from './all-migrations';

const ALL_NAMES = ALL_MIGRATIONS.map((migration) => new migration().name);

describe('CreatedInitialSchema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('runs first, once, with the later migrations, and records them all', async () => {
    const applied = await runMigrations(db.dataSource);
    expect(applied[0]).toBe('CreatedInitialSchema1795632609461');
    expect(applied).toEqual(ALL_NAMES);
    expect(await runMigrations(db.dataSource)).toEqual([]);
    const rows: Array<{ name: string }> = await db.dataSource.query(
      `SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`,
    );
    expect(rows.map((row) => row.name)).toEqual(ALL_NAMES);
  });

  it('matches the entities exactly: the schema builder has nothing to change', async () => {
    const log = await db.dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((query) => query.query)).toEqual([]);
  });

  // The schema builder skips these (entity indexes cannot be descending), so check them here.
  it.each([
    ['IDX_runs_tenant_created', 'ON public.runs USING btree (tenant_id, created_at DESC, id DESC)'],
    [
      'IDX_runs_tenant_status_created',
      'ON public.runs USING btree (tenant_id, status, created_at DESC, id DESC)',
    ],
    ['IDX_batches_tenant_created', 'ON public.batches USING btree (tenant_id, created_at DESC, id DESC)'],
  ])('creates the descending index %s', async (name, definition) => {
    const rows: Array<{ indexdef: string }> = await db.dataSource.query(
      'SELECT indexdef FROM pg_indexes WHERE indexname = $1',
      [name],
    );
    expect(rows[0]?.indexdef).toBe(`CREATE INDEX "${name}" ${definition}`);
  });

  it.each([
    ['runs', 'status', 'finished'],
    ['batches', 'status', 'done'],
    ['batches', 'mode', 'stream'],
    ['schedules', 'overlap_policy', 'queue'],
    ['schedules', 'missed_policy', 'run_all'],
  ])('rejects an unknown %s.%s', async (table, column, value) => {
    const [tenant] = await db.dataSource.query(
      `INSERT INTO tenants (name) VALUES ('check-' || gen_random_uuid()) RETURNING id`,
    );
    const base: Record<string, string> = {
      runs: `INSERT INTO runs (tenant_id, provider, model, messages, timeout_ms, ${column})
             VALUES ($1, 'p', 'm', '[]', 1000, $2)`,
      batches: `INSERT INTO batches (tenant_id, ${column}) VALUES ($1, $2)`,
      schedules: `INSERT INTO schedules (tenant_id, name, interval_ms, target, ${column})
                  VALUES ($1, gen_random_uuid()::text, 1000, '{}', $2)`,
    };
    await expect(db.dataSource.query(base[table], [tenant.id, value])).rejects.toThrow(/check constraint/);
  });

  it('requires exactly one of cron and interval_ms on a schedule', async () => {
    const [tenant] = await db.dataSource.query(`INSERT INTO tenants (name) VALUES ('sched') RETURNING id`);
    const insert = (cron: string | null, intervalMs: number | null) =>
      db.dataSource.query(
        `INSERT INTO schedules (tenant_id, name, cron, interval_ms, target) VALUES ($1, gen_random_uuid()::text, $2, $3, '{}')`,
        [tenant.id, cron, intervalMs],
      );
    await expect(insert(null, null)).rejects.toThrow(/CHK_schedules_trigger/);
    await expect(insert('* * * * *', 1000)).rejects.toThrow(/CHK_schedules_trigger/);
    await expect(insert('* * * * *', null)).resolves.toBeDefined();
    await expect(insert(null, 60_000)).resolves.toBeDefined();
  });

  it('reverts cleanly, with every later migration', async () => {
    for (let i = 0; i < ALL_MIGRATIONS.length; i++)
      await db.dataSource.undoLastMigration({ transaction: 'all' });
    const rows: Array<{ tablename: string }> = await db.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1`,
      [MIGRATIONS_TABLE],
    );
    expect(rows).toEqual([]);
  });
});
