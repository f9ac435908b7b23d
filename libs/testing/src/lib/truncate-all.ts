import { type DataSource } from 'typeorm';

/** Empties every table of the schema (not the migrations record), for a clean slate between tests. */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables = dataSource.entityMetadatas.map((metadata) => `"${metadata.tableName}"`);
  await dataSource.query(`TRUNCATE ${tables.join(', ')} CASCADE`);
}
