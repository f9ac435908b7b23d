import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { type AppConfig } from '@gtr/config';
import { GtrError } from '@gtr/domain';
import { type Runtime, type RuntimeQueueOptions, createRuntime } from '@gtr/server';
import { type Logger, PinoNestLogger } from '@gtr/telemetry';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

/** A running worker process. */
export interface WorkerProcess {
  runtime: Runtime;
  /** Port of `/health/*` and `/metrics`. */
  port: number;
  /**
   * Stops taking jobs, waits for the calls in flight (runs still running after the grace
   * period go back to the queue), closes the health server and every connection. Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Starts a distributed-mode worker: runtime (no migrations), the Nest context that consumes the
 * runs queue, and the health server. Whatever started is closed again if a later step fails.
 * @throws GtrError `E_CONFIG_MISSING` without DATABASE_URL and REDIS_URL.
 */
export async function startWorkerProcess(
  config: AppConfig,
  options: { logger?: Logger; queue?: RuntimeQueueOptions } = {},
): Promise<WorkerProcess> {
  if (!config.REDIS_URL || !config.DATABASE_URL) {
    throw new GtrError(
      'E_CONFIG_MISSING',
      'The worker needs DATABASE_URL and REDIS_URL. Without them, run `npm start`: the api runs an embedded worker.',
    );
  }
  const runtime = await createRuntime(config, { service: 'worker', migrate: false, ...options });
  let health: Server | null = null;
  try {
    const context = await NestFactory.createApplicationContext(WorkerModule.forRuntime(runtime), {
      logger: new PinoNestLogger(runtime.logger.child({ context: 'nest' })),
      // Throw instead of exiting the process, so the runtime is closed and main reports it.
      abortOnError: false,
    });
    try {
      health = await startHealthServer(runtime, config.GTR_WORKER_PORT);
    } catch (error) {
      await context.close();
      throw error;
    }
    const server = health;
    let closing: Promise<void> | undefined;
    return {
      runtime,
      port: (server.address() as AddressInfo).port,
      close: () =>
        (closing ??= (async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          await context.close();
          await runtime.close();
          await closed;
        })()),
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
