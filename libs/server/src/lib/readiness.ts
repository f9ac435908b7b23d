import { type Runtime } from './runtime';

/** State of one dependency: answering, not answering, or in-process (nothing to check). */
export type CheckState = 'ok' | 'error' | 'embedded';

/** Answer of a readiness probe. */
export interface Readiness {
  status: 'ok' | 'error';
  checks: { database: CheckState; redis: CheckState };
}

/** How long a check may take before it counts as failed; a probe must answer, not hang. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

/** Whether this process can do its work: Postgres answers, and Redis when it is used. */
export async function checkReadiness(
  runtime: Pick<Runtime, 'dataSource' | 'queue' | 'embedded'>,
  options: { timeoutMs?: number } = {},
): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? READINESS_CHECK_TIMEOUT_MS;
  const [database, redis] = await Promise.all([
    check(() => runtime.dataSource.query('SELECT 1'), timeoutMs),
    runtime.embedded.redis
      ? Promise.resolve<CheckState>('embedded')
      : check(() => runtime.queue.ping(), timeoutMs),
  ]);
  return { status: database !== 'error' && redis !== 'error' ? 'ok' : 'error', checks: { database, redis } };
}

async function check(probe: () => Promise<unknown>, timeoutMs: number): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => resolve('error'), timeoutMs);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(probe)
        .then((): CheckState => 'ok')
        .catch((): CheckState => 'error'),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
