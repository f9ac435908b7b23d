import { type Runtime } from './runtime';

export type CheckState = 'ok' | 'error' | 'embedded';

export interface Readiness {
  status: 'ok' | 'error';
  checks: { database: CheckState; redis: CheckState };
}

/** Whether this process can do its work: Postgres answers, and Redis when it is used. */
export async function checkReadiness(runtime: Runtime): Promise<Readiness> {
  const database = await runtime.dataSource
    .query('SELECT 1')
    .then((): CheckState => 'ok')
    .catch((): CheckState => 'error');
  const redis: CheckState = runtime.embedded.redis
    ? 'embedded'
    : await runtime.queue
        .ping()
        .then((): CheckState => 'ok')
        .catch((): CheckState => 'error');
  return { status: database !== 'error' && redis !== 'error' ? 'ok' : 'error', checks: { database, redis } };
}
