import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../entities/all-entities';
import { ALL_MIGRATIONS } from '../migrations/all-migrations';
import { allowNamedStatements } from '../sql/named-statements';
import { type SqlLogSink, StatementLogger } from './statement-logger';

export interface DataSourceOptions {
  /** A `postgres://` URL. */
  url: string;
  /** Most connections in the pool (default 10). Keep it small (about 4) on embedded Postgres. */
  poolSize?: number;
  /**
   * Log every statement, without its parameters: `true` to the console, or to the given sink.
   * Default off.
   */
  logging?: boolean | SqlLogSink;
  /**
   * Prepare the statements every run executes (claim, result) once per connection, as named
   * statements that bypass TypeORM (and its statement log). Only against a Postgres server: the
   * embedded one serves all its connections from one session, where names would collide.
   * Default off.
   */
  namedStatements?: boolean;
}

/** Name of the table that records which migrations ran. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Creates (without connecting) the one data source of gtr, for its apps and tools alike. It
 * never synchronizes the schema and never runs migrations on its own: migrations are an
 * explicit step (`runMigrations`).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  const sink =
    typeof options.logging === 'function' ? options.logging : options.logging ? console.log : undefined;
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is core since Postgres 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: sink !== undefined,
    logger: sink ? new StatementLogger(sink) : undefined,
    extra: { max: options.poolSize ?? 10 },
  });
  if (options.namedStatements) allowNamedStatements(dataSource);
  return dataSource;
}
