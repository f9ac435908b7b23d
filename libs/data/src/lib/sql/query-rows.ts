import { type EntityManager, type QueryResult } from 'typeorm';
import { namedStatementsAllowed } from './named-statements';

export type Row = Record<string, unknown>;

/** The part of node-postgres' pool a named statement needs. */
interface PgPool {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: Row[]; rowCount: number | null }>;
}

/**
 * Runs one statement and returns its rows and affected count the same way for every
 * command (TypeORM's plain `query()` shapes UPDATE results differently from the rest).
 * Uses the manager's transaction when it has one.
 *
 * `name` makes it a named prepared statement, parsed and planned once per connection, when the
 * data source allows it (`createDataSource({ namedStatements })`): for the statements every run
 * executes (claim, result), outside a transaction. The name must stand for this one SQL text.
 */
export async function queryRows(
  manager: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
  options: { name?: string } = {},
): Promise<{ rows: Row[]; affected: number }> {
  const pool =
    options.name && !manager.queryRunner && namedStatementsAllowed(manager.connection)
      ? poolOf(manager)
      : null;
  if (pool && options.name) {
    const result = await pool.query({ name: options.name, text: sql, values: [...params] });
    return { rows: result.rows, affected: result.rowCount ?? result.rows.length };
  }
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const owned = runner !== manager.queryRunner;
  try {
    const result = (await runner.query(sql, [...params], true)) as QueryResult<Row>;
    const rows = result.records ?? [];
    return { rows, affected: result.affected ?? rows.length };
  } finally {
    if (owned) await runner.release();
  }
}

/** The node-postgres pool under TypeORM's Postgres driver (null before it connected). */
function poolOf(manager: EntityManager): PgPool | null {
  const master = (manager.connection.driver as { master?: unknown }).master;
  return master && typeof (master as PgPool).query === 'function' ? (master as PgPool) : null;
}
