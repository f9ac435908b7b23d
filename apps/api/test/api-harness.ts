import { type INestApplication } from '@nestjs/common';
import { type AppConfig, loadConfig } from '@gtr/config';
import { createTestDatabase, type TestDatabase } from '@gtr/testing';
import { RunWorker, type Runtime, createRuntime, ensureAdminKey } from '@gtr/server';
import { createLogger } from '@gtr/telemetry';
import { createApiApp } from '../src/create-api-app';

export const ADMIN_KEY = 'gtr_test_admin_key_0123456789abcdef';

export interface ApiHarness {
  app: INestApplication;
  runtime: Runtime;
  worker: RunWorker;
  db: TestDatabase;
  /** `Authorization` header value of the admin key. */
  auth: string;
  close(): Promise<void>;
}

/**
 * Boots the real api on a fresh Postgres database with the in-process queue, and a worker in
 * the same process (not started unless `startWorker`), as embedded mode does.
 */
export async function startApi(options: {
  startWorker: boolean;
  env?: Record<string, string>;
}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const config: AppConfig = loadConfig({
    DATABASE_URL: db.url,
    GTR_ADMIN_API_KEY: ADMIN_KEY,
    LOG_LEVEL: 'silent',
    GTR_DATA_DIR: '/tmp/gtr-api-test-unused',
    ...options.env,
  });
  const runtime = await createRuntime(config, {
    service: 'embedded',
    migrate: false,
    logger: createLogger({ name: 'api-test', level: 'silent' }),
  });
  await ensureAdminKey(runtime);
  const worker = new RunWorker(runtime);
  if (options.startWorker) await worker.start();
  const app = await createApiApp(runtime);
  await app.init();
  return {
    app,
    runtime,
    worker,
    db,
    auth: `Bearer ${ADMIN_KEY}`,
    close: async () => {
      await app.close();
      await worker.stop();
      await runtime.close();
      await db.drop();
    },
  };
}
