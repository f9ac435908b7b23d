import { type PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { ALL_ENTITIES } from '../entities/all-entities';
import { ALL_MIGRATIONS } from '../migrations/all-migrations';
import { createDataSource } from './create-data-source';
import { StatementLogger } from './statement-logger';

describe('createDataSource', () => {
  const options = (logging?: boolean | ((line: string) => void)) =>
    createDataSource({ url: 'postgres://u@127.0.0.1:1/db', poolSize: 3, logging })
      .options as PostgresConnectionOptions;

  it('never synchronizes or migrates by itself', () => {
    expect(options()).toMatchObject({
      type: 'postgres',
      synchronize: false,
      migrationsRun: false,
      installExtensions: false,
      extra: { max: 3 },
      logging: false,
    });
    expect(options().entities).toEqual(ALL_ENTITIES);
    expect(options().migrations).toEqual(ALL_MIGRATIONS);
  });

  it('logs through the statement logger when asked', () => {
    expect(options(true).logger).toBeInstanceOf(StatementLogger);
    const lines: string[] = [];
    const logger = options((line) => lines.push(line)).logger as StatementLogger;
    logger.logQuery('SELECT 1');
    expect(lines).toEqual(['query: SELECT 1']);
  });

  it('defaults the pool to 10 connections', () => {
    expect(createDataSource({ url: 'postgres://u@127.0.0.1:1/db' }).options).toMatchObject({
      extra: { max: 10 },
    });
  });
});
