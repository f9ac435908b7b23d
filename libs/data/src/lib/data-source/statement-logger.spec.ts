import { StatementLogger } from './statement-logger';

describe('StatementLogger', () => {
  it('writes statements on one line and never their parameters', () => {
    const lines: string[] = [];
    const logger = new StatementLogger((line) => lines.push(line));
    logger.logQuery('SELECT *\n  FROM api_keys\n  WHERE key_hash = $1');
    logger.logQueryError(new Error('boom'), 'SELECT 1');
    logger.logQueryError('text error', 'SELECT 2');
    logger.logQuerySlow(1500, 'SELECT 3');
    logger.logSchemaBuild('creating table');
    logger.logMigration('ran 1');
    logger.log('warn', 'careful');
    expect(lines).toEqual([
      'query: SELECT * FROM api_keys WHERE key_hash = $1',
      'query failed: boom -- SELECT 1',
      'query failed: text error -- SELECT 2',
      'slow query (1500 ms): SELECT 3',
      'schema: creating table',
      'migration: ran 1',
      'warn: careful',
    ]);
  });
});
