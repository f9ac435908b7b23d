import { type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

/**
 * Turns a raw row (snake_case columns, as `RETURNING *` or `SELECT *` gives it) into an
 * entity instance, applying column types and transformers exactly as TypeORM's own reads do.
 */
export function hydrateEntity<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) continue;
    (entity as Record<string, unknown>)[column.propertyName] = dataSource.driver.prepareHydratedValue(
      row[column.databaseName],
      column,
    );
  }
  return entity;
}
