import { type DataSource } from 'typeorm';

/**
 * Applies every pending migration in one transaction and returns the names of those it ran.
 * Connects the data source first if it is not connected yet.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  return applied.map((migration) => migration.name);
}
