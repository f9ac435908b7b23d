import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { createDataSource } from '../src/lib/data-source/create-data-source';
import { runMigrations } from '../src/lib/data-source/run-migrations';

// The specs of this lib cannot use @gtr/testing (it depends on this lib), hence this copy.
const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const ds = createDataSource({ url: ADMIN_URL, poolSize: 1 });
  await ds.initialize();
  try {
    await ds.query(sql);
  } finally {
    await ds.destroy();
  }
}

/** A new, uniquely named, migrated database; `drop()` removes it. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `gtr_test_data_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 4, namedStatements: true });
  await dataSource.initialize();
  if (options.migrate ?? true) await runMigrations(dataSource);
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
