import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@gtr/config';
import { GtrError } from '@gtr/domain';
import { createRuntime } from '@gtr/server';
import { PinoNestLogger } from '@gtr/telemetry';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

/**
 * A worker process of distributed mode: consumes the runs queue from Redis. Start as many as
 * you like; they share the work. (In embedded mode the api process runs the worker itself.)
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.REDIS_URL || !config.DATABASE_URL) {
    throw new GtrError(
      'E_CONFIG_MISSING',
      'The worker needs DATABASE_URL and REDIS_URL. Without them, run `npm start`: the api runs an embedded worker.',
    );
  }
  const runtime = await createRuntime(config, { service: 'worker', migrate: false });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRuntime(runtime), {
    logger: new PinoNestLogger(runtime.logger.child({ context: 'nest' })),
  });
  await context.init();
  const health = await startHealthServer(runtime, config.GTR_WORKER_PORT);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'worker shutting down');
    health.close();
    await context.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof GtrError ? `${error.code}: ${error.message}` : String(error);
  process.stderr.write(`worker failed to start: ${message}\n`);
  process.exit(error instanceof GtrError && error.code.startsWith('E_CONFIG') ? 78 : 1);
});
