import { createDataSource, runMigrations } from '@gtr/data';
import { type DataSource } from 'typeorm';
import { createTestDatabase, testServerUrl } from './create-test-database';

jest.mock('@gtr/data', () => {
  const actual = jest.requireActual('@gtr/data');
  return { ...actual, runMigrations: jest.fn(actual.runMigrations) };
});

describe('createTestDatabase when migrations fail', () => {
  it('drops the database it created and reports the failure', async () => {
    let created = '';
    jest.mocked(runMigrations).mockImplementationOnce(async (dataSource: DataSource) => {
      created = new URL((dataSource.options as { url: string }).url).pathname.slice(1);
      await dataSource.initialize();
      throw new Error('migration failed');
    });
    await expect(createTestDatabase()).rejects.toThrow('migration failed');
    expect(created).toMatch(/^gtr_test_/);

    const server = createDataSource({ url: testServerUrl(), poolSize: 1 });
    await server.initialize();
    try {
      expect(await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [created])).toEqual([]);
    } finally {
      await server.destroy();
    }
  });
});
