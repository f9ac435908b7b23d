import { type MigrationInterface } from 'typeorm';
import { type TestDatabase } from './test-database';

/** Runs one step of `migration` on its own, whatever migrations come after it. */
export async function runMigrationStep(
  db: TestDatabase,
  migration: MigrationInterface,
  direction: 'up' | 'down',
): Promise<void> {
  const runner = db.dataSource.createQueryRunner();
  try {
    await migration[direction](runner);
  } finally {
    await runner.release();
  }
}
