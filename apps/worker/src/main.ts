import 'reflect-metadata';
import { loadConfig } from '@gtr/config';
import { GtrError } from '@gtr/domain';
import { startWorkerProcess } from './worker-process';

/**
 * A worker process of distributed mode: consumes the runs queue from Redis. Start as many as
 * you like; they share the work. (In embedded mode the api process runs the worker itself.)
 */
async function main(): Promise<void> {
  const worker = await startWorkerProcess(loadConfig());
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    worker.runtime.logger.info({ signal }, 'worker shutting down');
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        worker.runtime.logger.error({ err: error }, 'worker shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof GtrError ? `${error.code}: ${error.message}` : String(error);
  process.stderr.write(`worker failed to start: ${message}\n`);
  process.exit(error instanceof GtrError && error.code.startsWith('E_CONFIG') ? 78 : 1);
});
