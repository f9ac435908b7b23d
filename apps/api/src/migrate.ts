import { loadConfig } from '@gtr/config';
import { GtrError } from '@gtr/domain';
import { createDataSource, resolveDatabase, runMigrations } from '@gtr/data';

/** `npm run db:migrate`: applies pending migrations once (a k8s Job in distributed mode). */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.GTR_DATA_DIR });
  const dataSource = createDataSource({ url: database.url, poolSize: 1 });
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    process.stdout.write(`migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}\n`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.stop();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof GtrError ? error.message : String(error)}\n`);
  process.exit(1);
});
