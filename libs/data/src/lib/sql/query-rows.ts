import { type EntityManager, type QueryResult } from 'typeorm';

export type Row = Record<string, unknown>;

/**
 * Runs one statement and returns its rows and affected count the same way for every
 * command (TypeORM's plain `query()` shapes UPDATE results differently from the rest).
 * Uses the manager's transaction when it has one.
 */
export async function queryRows(
  manager: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<{ rows: Row[]; affected: number }> {
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
