import { randomBytes } from 'node:crypto';
import { createDataSource, runMigrations } from '@gtr/data';
import { type DataSource } from 'typeorm';

/** A migrated database of its own for one test suite. */
export interface TestDatabase {
  url: string;
  /** Connected, migrated data source on the database. */
  dataSource: DataSource;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** The server test databases are created on: `TEST_DATABASE_URL`, or the local Postgres. */
export function testServerUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function onServer(sql: string): Promise<void> {
  const admin = createDataSource({ url: testServerUrl(), poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query(sql);
  } finally {
    await admin.destroy();
  }
}

/**
 * Creates a uniquely named database on the test server, runs the migrations on it (unless
 * `migrate: false`, for tests of the migrate command) and returns
 * a connected data source, so parallel suites never share tables. Call `drop()` in `afterAll`.
 */
export async function createTestDatabase(
  options: { poolSize?: number; migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `gtr_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: options.poolSize ?? 4 });
  try {
    if (options.migrate === false) await dataSource.initialize();
    else await runMigrations(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
