import { type DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { createDataSource } from '../data-source/create-data-source';
import { queryRows } from './query-rows';

describe('queryRows', () => {
  let db: TestDatabase;
  const opened: DataSource[] = [];

  /** One connection, so the prepared statements of the session can be read back. */
  async function singleConnection(namedStatements: boolean): Promise<DataSource> {
    const dataSource = createDataSource({ url: db.url, poolSize: 1, namedStatements });
    await dataSource.initialize();
    opened.push(dataSource);
    return dataSource;
  }

  const prepared = async (dataSource: DataSource) =>
    (await dataSource.query('SELECT name FROM pg_prepared_statements ORDER BY name')).map(
      (row: { name: string }) => row.name,
    );

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
    await db.drop();
  });

  const SQL = 'SELECT n FROM generate_series(1, $1::int) AS n';

  it('prepares a named statement once per connection, with the same result as a plain one', async () => {
    const dataSource = await singleConnection(true);
    const named = await queryRows(dataSource.manager, SQL, [3], { name: 'gtr_spec_series' });
    const again = await queryRows(dataSource.manager, SQL, [2], { name: 'gtr_spec_series' });
    const plain = await queryRows(dataSource.manager, SQL, [3]);
    expect(named).toEqual({ rows: [{ n: 1 }, { n: 2 }, { n: 3 }], affected: 3 });
    expect(again.rows).toHaveLength(2);
    expect(plain).toEqual(named);
    expect(await prepared(dataSource)).toEqual(['gtr_spec_series']);
  });

  it('prepares nothing where the data source does not allow it (embedded Postgres)', async () => {
    const dataSource = await singleConnection(false);
    const result = await queryRows(dataSource.manager, SQL, [2], { name: 'gtr_spec_series' });
    expect(result.rows).toHaveLength(2);
    expect(await prepared(dataSource)).toEqual([]);
  });

  it('counts the rows an UPDATE changed on both paths, and runs inside a transaction plainly', async () => {
    const dataSource = await singleConnection(true);
    await dataSource.query('CREATE TABLE IF NOT EXISTS qr_spec (id int)');
    await dataSource.query('INSERT INTO qr_spec VALUES (1), (2)');
    const update = 'UPDATE qr_spec SET id = id + $1';
    expect((await queryRows(dataSource.manager, update, [10], { name: 'gtr_spec_update' })).affected).toBe(2);
    expect((await queryRows(dataSource.manager, update, [10])).affected).toBe(2);
    await dataSource.transaction(async (manager) => {
      expect((await queryRows(manager, update, [1], { name: 'gtr_spec_in_tx' })).affected).toBe(2);
    });
    expect(await prepared(dataSource)).not.toContain('gtr_spec_in_tx');
  });
});
