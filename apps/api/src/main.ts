import 'reflect-metadata';
import { loadConfig, apiUrlOf } from '@gtr/config';
import { GtrError } from '@gtr/domain';
import { RunWorker, createRuntime, ensureAdminKey } from '@gtr/server';
import { createApiApp } from './create-api-app';

/**
 * The api process. With no REDIS_URL the queue is in-process, so this process also runs the
 * worker (embedded mode); with no DATABASE_URL it also runs Postgres (PGlite) and migrates it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const embeddedDb = !config.DATABASE_URL;
  const runtime = await createRuntime(config, {
    service: config.REDIS_URL ? 'api' : 'embedded',
    migrate: embeddedDb,
  });
  const admin = await ensureAdminKey(runtime);
  const worker = config.REDIS_URL ? null : new RunWorker(runtime);
  await worker?.start();

  const app = await createApiApp(runtime);
  await app.listen(config.PORT, '0.0.0.0');
  const url = apiUrlOf(config);
  runtime.logger.info({ url, embedded: runtime.embedded }, 'api listening');
  if (admin.createdKey) {
    // Shown once, on purpose on stderr and outside the JSON log: it is the operator's only copy
    // besides the 0600 credentials file.
    process.stderr.write(
      `\nAdmin API key (shown once, saved to ${admin.credentialsFile}):\n  ${admin.createdKey}\n\n`,
    );
  } else if (admin.credentialsFile) {
    process.stderr.write(`Admin API key saved in ${admin.credentialsFile}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down');
    await app.close();
    await worker?.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof GtrError ? `${error.code}: ${error.message}` : String(error);
  process.stderr.write(`api failed to start: ${message}\n`);
  process.exit(error instanceof GtrError && error.code.startsWith('E_CONFIG') ? 78 : 1);
});
