import { type TestDatabase } from '../../../test/test-database';
import { useTenantDatabase } from '../../../test/tenant-database';
import { SchedulesRepository } from '../schedules/schedules.repository';
import { TaskFilesRepository } from './task-files.repository';

const meta = { name: 'rows.csv', format: 'csv' as const, taskName: 'greet', bytes: 123 };

async function* rowsOf(count: number, failAfter?: number): AsyncGenerator<object> {
  for (let i = 1; i <= count; i++) {
    if (i === failAfter) throw new Error('row 7, name is missing');
    yield { row: i + 1, id: `r${i}`, variables: { name: `n${i}` } };
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('TaskFilesRepository', () => {
  let db: TestDatabase;
  let files: TaskFilesRepository;
  let tenantId: string;
  let otherTenantId: string;

  useTenantDatabase('task_files, schedules CASCADE', (ctx) => {
    ({ db, tenantId, otherTenantId } = ctx);
    files = new TaskFilesRepository(db.dataSource);
  });

  it('stores the rows in order across insert chunks and reads them back page by page', async () => {
    const file = await files.store(tenantId, meta, rowsOf(2503));
    expect(file).toEqual({
      id: expect.any(String),
      name: 'rows.csv',
      format: 'csv',
      task: 'greet',
      rows: 2503,
      bytes: 123,
      createdAt: expect.any(String),
    });
    const rows = await collect(files.rows(tenantId, file.id, 1000));
    expect(rows).toHaveLength(2503);
    expect(rows[0]).toEqual({ row: 2, id: 'r1', variables: { name: 'n1' } });
    expect(rows.map((row) => row['id'])).toEqual(Array.from({ length: 2503 }, (_, i) => `r${i + 1}`));
    expect(await files.find(tenantId, file.id)).toEqual(file);
    expect(await files.list(tenantId, 10)).toEqual([file]);
  });

  it('stores nothing when the rows fail part-way (after a chunk was inserted)', async () => {
    await expect(files.store(tenantId, meta, rowsOf(1500, 1200))).rejects.toThrow('row 7, name is missing');
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM task_files')).toEqual([{ n: 0 }]);
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM task_file_rows')).toEqual([{ n: 0 }]);
  });

  it("keeps tenants apart and answers null for another tenant's or a malformed id", async () => {
    const file = await files.store(tenantId, meta, rowsOf(1));
    expect(await files.find(otherTenantId, file.id)).toBeNull();
    expect(await files.find(tenantId, 'nope')).toBeNull();
    expect(await files.list(otherTenantId, 10)).toEqual([]);
    expect(await collect(files.rows(otherTenantId, file.id))).toEqual([]);
    expect(await files.delete(otherTenantId, file.id)).toBeNull();
    expect(await files.find('nope', file.id)).toBeNull();
    expect(await files.list('nope', 10)).toEqual([]);
    expect(await files.delete('nope', file.id)).toBeNull();
  });

  it('stores an empty file (the caller refuses those; the repository does not mind)', async () => {
    const file = await files.store(tenantId, meta, rowsOf(0));
    expect(file.rows).toBe(0);
    expect(await collect(files.rows(tenantId, file.id))).toEqual([]);
  });

  it('refuses to delete a file a schedule runs, naming the schedule, then deletes it with its rows', async () => {
    const file = await files.store(tenantId, meta, rowsOf(3));
    const schedules = new SchedulesRepository(db.dataSource);
    await schedules.create(tenantId, {
      name: 'nightly',
      timing: { cron: null, intervalMs: 60_000, timezone: 'UTC' },
      target: { type: 'batch', taskFile: file.id },
      enabled: true,
      overlapPolicy: 'skip',
      missedPolicy: 'skip',
      nextFireAt: new Date(),
    });
    expect(await files.delete(tenantId, file.id)).toEqual({ deleted: false, usedBy: ['nightly'] });
    await schedules.delete(tenantId, 'nightly');
    expect(await files.delete(tenantId, file.id)).toEqual({ deleted: true });
    expect(await files.find(tenantId, file.id)).toBeNull();
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM task_file_rows')).toEqual([{ n: 0 }]);
    expect(await files.delete(tenantId, file.id)).toBeNull();
  });
});
