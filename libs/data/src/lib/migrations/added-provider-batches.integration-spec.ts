import { runMigrationStep } from '../../../test/migration-step';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { AddedProviderBatches1795660000000 } from './1795660000000-AddedProviderBatches';

describe('AddedProviderBatches', () => {
  let db: TestDatabase;
  let tenantId: string;
  let batchId: string;
  const migration = new AddedProviderBatches1795660000000();

  beforeAll(async () => {
    db = await createTestDatabase();
    [{ id: tenantId }] = await db.dataSource.query(`INSERT INTO tenants (name) VALUES ('pb') RETURNING id`);
    [{ id: batchId }] = await db.dataSource.query(
      `INSERT INTO batches (tenant_id, mode) VALUES ($1, 'provider_batch') RETURNING id`,
      [tenantId],
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  const step = (direction: 'up' | 'down') => runMigrationStep(db, migration, direction);

  const insertFile = (chunkIndex: number, status = 'planned') =>
    db.dataSource.query(
      `INSERT INTO provider_batches (tenant_id, batch_id, chunk_index, provider, model, run_ids, status)
       VALUES ($1, $2, $3, 'openai', 'gpt-4o-mini', '{}', $4) RETURNING *`,
      [tenantId, batchId, chunkIndex, status],
    );

  it('stores a file of a batch once per position, planned and never polled by default', async () => {
    const [file] = await insertFile(0);
    expect(file).toMatchObject({ status: 'planned', last_polled_at: null, completed_count: 0, run_ids: [] });
    await expect(insertFile(0)).rejects.toThrow(/UQ_provider_batches_batch_chunk/);
  });

  it('rejects an unknown status', async () => {
    await expect(insertFile(1, 'done')).rejects.toThrow(/CHK_provider_batches_status/);
  });

  it('reverts cleanly and applies again', async () => {
    await step('down');
    const [{ exists }] = await db.dataSource.query(
      `SELECT to_regclass('provider_batches') IS NOT NULL AS exists`,
    );
    expect(exists).toBe(false);
    await step('up');
    await insertFile(0);
  });

  it('goes with its batch', async () => {
    await db.dataSource.query('DELETE FROM batches WHERE id = $1', [batchId]);
    const rows = await db.dataSource.query('SELECT id FROM provider_batches');
    expect(rows).toEqual([]);
  });
});
