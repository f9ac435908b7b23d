import { hostname } from 'node:os';
import { type DataSource } from 'typeorm';
import { type AppConfig, defaultProviderName, redactConfig } from '@gtr/config';
import {
  ApiKeysRepository,
  ResponseCacheRepository,
  RunExecutionRepository,
  RunsRepository,
  TenantsRepository,
  createDataSource,
  resolveDatabase,
  runMigrations,
} from '@gtr/data';
import {
  type ProviderRegistry,
  type ProviderConfig,
  type RateLimiter,
  createProviderRegistry,
} from '@gtr/engine';
import {
  type EventBus,
  type QueueDriver,
  type QueueDriverOptions,
  type SlotDriver,
  createEventBus,
  createQueueDriver,
  createRateLimiter,
  createSlotDriver,
} from '@gtr/queue';
import { Metrics, type Logger, createLogger } from '@gtr/telemetry';

/**
 * Everything a process (api, worker, or both in embedded mode) shares: one database pool, one
 * queue driver, one event bus, one provider registry. Built before Nest so that embedded mode
 * can hand the same in-process queue to the api and the worker.
 */
export interface Runtime {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  embedded: { database: boolean; redis: boolean };
  dataSource: DataSource;
  queue: QueueDriver;
  events: EventBus;
  /** The shared rate limiter (Redis in distributed mode): one schedule for every worker. */
  limiter: RateLimiter;
  /** Leased slots (Redis in distributed mode): batch concurrency caps across every worker. */
  slots: SlotDriver;
  providers: ProviderRegistry;
  repositories: {
    tenants: TenantsRepository;
    apiKeys: ApiKeysRepository;
    runs: RunsRepository;
    execution: RunExecutionRepository;
    responseCache: ResponseCacheRepository;
  };
  workerId: string;
  /** Closes the event bus, the queue (its consumers gracefully), the pool, the embedded database. Idempotent. */
  close(): Promise<void>;
}

/** Queue driver timings a process may tune (see `QueueDriverOptions`); defaults otherwise. */
export type RuntimeQueueOptions = Pick<
  QueueDriverOptions,
  'closeGraceMs' | 'abortGraceMs' | 'lockDurationMs' | 'stalledIntervalMs' | 'maxStalledCount'
>;

export interface RuntimeOptions {
  service: 'api' | 'worker' | 'embedded';
  /** Run migrations at start. Embedded mode does; distributed mode runs them as one explicit step. */
  migrate: boolean;
  /** Default: a JSON logger at `LOG_LEVEL`. */
  logger?: Logger;
  /** How long a stopping worker waits for calls in flight, lock and stall timings. */
  queue?: RuntimeQueueOptions;
}

/** Provider configs from the environment: dry-run always, `openai` when OPENAI_API_KEY is set, and every GTR_PROVIDERS entry. */
export function providerConfigsOf(config: AppConfig): ProviderConfig[] {
  const configs: ProviderConfig[] = [
    { name: 'dry-run', kind: 'dry-run', defaultModel: config.GTR_DEFAULT_MODEL },
  ];
  if (config.OPENAI_API_KEY) {
    configs.push({
      name: 'openai',
      kind: 'openai',
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      defaultModel: config.GTR_DEFAULT_MODEL,
    });
  }
  for (const named of config.GTR_PROVIDERS) {
    configs.push({ ...named, defaultModel: named.defaultModel ?? config.GTR_DEFAULT_MODEL });
  }
  return configs;
}

/**
 * Connects everything a process needs, in order (database, migrations when asked, queue, event
 * bus, providers). If a step fails, what was opened before it is closed and the error thrown.
 */
export async function createRuntime(config: AppConfig, options: RuntimeOptions): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ name: options.service, level: config.LOG_LEVEL });
  // Checked before anything is opened: a provider misconfiguration needs no connection to report.
  const providers = createProviderRegistry(providerConfigsOf(config), defaultProviderName(config));
  const database = await resolveDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.GTR_DATA_DIR });
  const dataSource = createDataSource({
    url: database.url,
    poolSize: database.poolSize,
    namedStatements: !database.embedded,
  });
  const closers: (() => Promise<unknown>)[] = [() => database.stop()];
  try {
    await dataSource.initialize();
    closers.unshift(() => dataSource.destroy());
    if (options.migrate) await runMigrations(dataSource);
    const onError = (error: Error) => logger.error({ err: error }, 'redis connection error');
    const queue = createQueueDriver({
      ...options.queue,
      redisUrl: config.REDIS_URL,
      prefix: config.GTR_QUEUE_PREFIX,
      onError,
    });
    closers.unshift(() => queue.close());
    const events = createEventBus({ redisUrl: config.REDIS_URL, prefix: config.GTR_QUEUE_PREFIX, onError });
    closers.unshift(() => events.close());
    const limiter = createRateLimiter({
      redisUrl: config.REDIS_URL,
      prefix: config.GTR_QUEUE_PREFIX,
      onError,
    });
    closers.unshift(() => limiter.close());
    const slots = createSlotDriver({ redisUrl: config.REDIS_URL, prefix: config.GTR_QUEUE_PREFIX, onError });
    closers.unshift(() => slots.close());
    logger.info({ config: redactConfig(config), embedded: database.embedded }, 'runtime ready');
    let closing: Promise<void> | undefined;
    return {
      config,
      logger,
      metrics: new Metrics(options.service),
      embedded: { database: database.embedded, redis: !config.REDIS_URL },
      dataSource,
      queue,
      events,
      limiter,
      slots,
      providers,
      repositories: {
        tenants: new TenantsRepository(dataSource),
        apiKeys: new ApiKeysRepository(dataSource),
        runs: new RunsRepository(dataSource),
        execution: new RunExecutionRepository(dataSource),
        responseCache: new ResponseCacheRepository(dataSource),
      },
      workerId: config.GTR_WORKER_ID ?? `${hostname()}-${process.pid}`,
      close: () => (closing ??= closeAll(closers)),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function closeAll(closers: (() => Promise<unknown>)[]): Promise<void> {
  for (const close of closers) {
    await close().catch(() => undefined);
  }
}
