import { runMigrationStep } from '../../../test/migration-step';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { AddedScheduleFires1795634690867 } from './1795634690867-AddedScheduleFires';

describe('AddedScheduleFires', () => {
  let db: TestDatabase;
  let tenantId: string;
  let scheduleId: string;
  const migration = new AddedScheduleFires1795634690867();

  beforeAll(async () => {
    db = await createTestDatabase();
    [{ id: tenantId }] = await db.dataSource.query(
      `INSERT INTO tenants (name) VALUES ('fires') RETURNING id`,
    );
    [{ id: scheduleId }] = await db.dataSource.query(
      `INSERT INTO schedules (tenant_id, name, interval_ms, target) VALUES ($1, 's', 1000, '{}') RETURNING id`,
      [tenantId],
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  const step = (direction: 'up' | 'down') => runMigrationStep(db, migration, direction);

  const insertFire = (dueAt: string, status = 'created', runId: string | null = null) =>
    db.dataSource.query(
      `INSERT INTO schedule_fires (schedule_id, tenant_id, due_at, status, run_id) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [scheduleId, tenantId, dueAt, status, runId],
    );

  it('records a fire time once per schedule', async () => {
    const [fire] = await insertFire('2025-01-01T00:00:00Z');
    expect(fire).toMatchObject({ status: 'created', run_id: null, reason: null });
    expect(fire.fired_at).toBeInstanceOf(Date);
    await expect(insertFire('2025-01-01T00:00:00Z', 'skipped')).rejects.toThrow(
      /UQ_schedule_fires_schedule_due/,
    );
  });

  it('rejects an unknown status', async () => {
    await expect(insertFire('2025-01-01T00:01:00Z', 'fired')).rejects.toThrow(/CHK_schedule_fires_status/);
  });

  it('keeps the fire when its run is deleted, without the run', async () => {
    const [run] = await db.dataSource.query(
      `INSERT INTO runs (tenant_id, provider, model, messages, timeout_ms) VALUES ($1, 'p', 'm', '[]', 1000) RETURNING id`,
      [tenantId],
    );
    const [fire] = await insertFire('2025-01-01T00:02:00Z', 'created', run.id);
    await db.dataSource.query('DELETE FROM runs WHERE id = $1', [run.id]);
    const [after] = await db.dataSource.query('SELECT run_id FROM schedule_fires WHERE id = $1', [fire.id]);
    expect(after.run_id).toBeNull();
  });

  it('goes down and up again', async () => {
    await step('down');
    const [gone] = await db.dataSource.query(`SELECT to_regclass('schedule_fires') AS t`);
    expect(gone.t).toBeNull();
    await step('up');
    await expect(insertFire('2025-01-01T00:00:00Z')).resolves.toHaveLength(1);
  });
});
