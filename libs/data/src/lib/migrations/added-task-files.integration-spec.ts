import { runMigrationStep } from '../../../test/migration-step';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { AddedTaskFiles1795650000000 } from './1795650000000-AddedTaskFiles';

describe('AddedTaskFiles', () => {
  let db: TestDatabase;
  let tenantId: string;
  const migration = new AddedTaskFiles1795650000000();

  beforeAll(async () => {
    db = await createTestDatabase();
    [{ id: tenantId }] = await db.dataSource.query(
      `INSERT INTO tenants (name) VALUES ('files') RETURNING id`,
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  const step = (direction: 'up' | 'down') => runMigrationStep(db, migration, direction);

  it('rejects an unknown format', async () => {
    await expect(
      db.dataSource.query(
        `INSERT INTO task_files (tenant_id, name, format, row_count, bytes) VALUES ($1, 'x', 'xlsx', 0, 0)`,
        [tenantId],
      ),
    ).rejects.toThrow(/CHK_task_files_format/);
  });

  it('keeps a fire when its batch is deleted, without the batch', async () => {
    const [{ id: scheduleId }] = await db.dataSource.query(
      `INSERT INTO schedules (tenant_id, name, interval_ms, target) VALUES ($1, 's', 1000, '{}') RETURNING id`,
      [tenantId],
    );
    const [{ id: batchId }] = await db.dataSource.query(
      `INSERT INTO batches (tenant_id) VALUES ($1) RETURNING id`,
      [tenantId],
    );
    const [fire] = await db.dataSource.query(
      `INSERT INTO schedule_fires (schedule_id, tenant_id, due_at, status, batch_id) VALUES ($1, $2, now(), 'created', $3) RETURNING id`,
      [scheduleId, tenantId, batchId],
    );
    await db.dataSource.query('DELETE FROM batches WHERE id = $1', [batchId]);
    const [after] = await db.dataSource.query('SELECT batch_id FROM schedule_fires WHERE id = $1', [fire.id]);
    expect(after.batch_id).toBeNull();
  });

  it('goes down and up again', async () => {
    await step('down');
    const tables = async () =>
      (
        await db.dataSource.query(
          `SELECT table_name FROM information_schema.tables WHERE table_name IN ('task_files', 'task_file_rows') ORDER BY 1`,
        )
      ).map((row: { table_name: string }) => row.table_name);
    expect(await tables()).toEqual([]);
    await step('up');
    expect(await tables()).toEqual(['task_file_rows', 'task_files']);
  });
});
