import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from './embedded-postgres';

/** The database gtr uses, embedded or not. */
export interface ResolvedDatabase {
  url: string;
  /** True when this process started an embedded Postgres. */
  embedded: boolean;
  /** Pool size to use with it: small for the embedded database, undefined for the default. */
  poolSize: number | undefined;
  /** Stops the embedded database; does nothing for an external one. */
  stop(): Promise<void>;
}

/**
 * `databaseUrl` when given (DATABASE_URL), else an embedded Postgres under `dataDir`.
 */
export async function resolveDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, poolSize: undefined, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir });
  return { url: embedded.url, embedded: true, poolSize: EMBEDDED_POOL_SIZE, stop: () => embedded.stop() };
}
