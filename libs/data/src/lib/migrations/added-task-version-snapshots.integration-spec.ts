import { runMigrationStep } from '../../../test/migration-step';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { AddedTaskVersionSnapshots1795634688108 } from './1795634688108-AddedTaskVersionSnapshots';

describe('AddedTaskVersionSnapshots', () => {
  let db: TestDatabase;
  let taskId: string;
  const migration = new AddedTaskVersionSnapshots1795634688108();

  beforeAll(async () => {
    db = await createTestDatabase();
    const [{ id: tenantId }] = await db.dataSource.query(
      `INSERT INTO tenants (name) VALUES ('snap') RETURNING id`,
    );
    [{ id: taskId }] = await db.dataSource.query(
      `INSERT INTO tasks (tenant_id, name) VALUES ($1, 't') RETURNING id`,
      [tenantId],
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  const step = (direction: 'up' | 'down') => runMigrationStep(db, migration, direction);

  it('lets a version leave provider, model and timeout to the defaults, and snapshots description and tags', async () => {
    const [row] = await db.dataSource.query(
      `INSERT INTO task_versions (task_id, version, messages, description, tags) VALUES ($1, 1, '[]', 'd', '{a,b}') RETURNING *`,
      [taskId],
    );
    expect(row).toMatchObject({
      provider: null,
      model: null,
      timeout_ms: null,
      description: 'd',
      tags: ['a', 'b'],
    });
  });

  it('reverts by writing the defaults into versions that relied on them, and re-applies', async () => {
    await step('down');
    const [row] = await db.dataSource.query('SELECT * FROM task_versions WHERE task_id = $1', [taskId]);
    expect(row).toMatchObject({ provider: 'dry-run', model: 'gpt-4o-mini', timeout_ms: 60000 });
    expect(row).not.toHaveProperty('tags');
    await expect(
      db.dataSource.query(
        `INSERT INTO task_versions (task_id, version, messages, timeout_ms, model) VALUES ($1, 2, '[]', 1, 'm')`,
        [taskId],
      ),
    ).rejects.toThrow(/provider/);
    await step('up');
    const [after] = await db.dataSource.query(
      'SELECT tags, description FROM task_versions WHERE task_id = $1',
      [taskId],
    );
    expect(after).toEqual({ tags: [], description: null });
  });
});
