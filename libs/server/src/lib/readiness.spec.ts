import { type Runtime } from './runtime';
import { checkReadiness } from './readiness';

type ProbeTarget = Pick<Runtime, 'dataSource' | 'queue' | 'embedded'>;

function target(options: {
  query?: () => Promise<unknown>;
  ping?: () => Promise<void>;
  embeddedRedis?: boolean;
}): ProbeTarget & { pinged: () => number } {
  let pings = 0;
  return {
    dataSource: {
      query: options.query ?? (async () => [{ '?column?': 1 }]),
    } as unknown as ProbeTarget['dataSource'],
    queue: {
      ping: async () => {
        pings++;
        await (options.ping ?? (async () => undefined))();
      },
    } as unknown as ProbeTarget['queue'],
    embedded: { database: false, redis: options.embeddedRedis ?? false },
    pinged: () => pings,
  };
}

const never = () => new Promise<never>(() => undefined);

describe('checkReadiness', () => {
  it('is ok when Postgres and Redis answer', async () => {
    await expect(checkReadiness(target({}))).resolves.toEqual({
      status: 'ok',
      checks: { database: 'ok', redis: 'ok' },
    });
  });

  it('reports a database that fails', async () => {
    const result = await checkReadiness(
      target({ query: async () => Promise.reject(new Error('ECONNREFUSED')) }),
    );
    expect(result).toEqual({ status: 'error', checks: { database: 'error', redis: 'ok' } });
  });

  it('reports a Redis that fails', async () => {
    const result = await checkReadiness(target({ ping: async () => Promise.reject(new Error('closed')) }));
    expect(result).toEqual({ status: 'error', checks: { database: 'ok', redis: 'error' } });
  });

  it('counts a synchronous throw of a check as an error', async () => {
    const result = await checkReadiness(
      target({
        query: () => {
          throw new Error('not connected');
        },
      }),
    );
    expect(result.checks.database).toBe('error');
  });

  it('does not ping the in-process queue of embedded mode', async () => {
    const probe = target({ embeddedRedis: true });
    await expect(checkReadiness(probe)).resolves.toEqual({
      status: 'ok',
      checks: { database: 'ok', redis: 'embedded' },
    });
    expect(probe.pinged()).toBe(0);
  });

  it('answers with an error instead of hanging when a dependency never responds', async () => {
    const result = await checkReadiness(target({ query: never, ping: never }), { timeoutMs: 30 });
    expect(result).toEqual({ status: 'error', checks: { database: 'error', redis: 'error' } });
  });
});
