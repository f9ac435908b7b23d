import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Metrics, createLogger } from '@gtr/telemetry';
import { type HealthRuntime, startHealthServer } from './health-server';

function stubRuntime(options: { database?: () => Promise<unknown>; metrics?: Metrics } = {}): HealthRuntime {
  return {
    dataSource: {
      query: options.database ?? (async () => [{ one: 1 }]),
    } as unknown as HealthRuntime['dataSource'],
    queue: { ping: async () => undefined } as unknown as HealthRuntime['queue'],
    embedded: { database: false, redis: false },
    metrics: options.metrics ?? new Metrics('worker'),
    logger: createLogger({ name: 'health-spec', level: 'silent' }),
  };
}

describe('worker health server', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function serve(runtime: HealthRuntime): Promise<string> {
    const server = await startHealthServer(runtime, 0);
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('answers liveness without looking at dependencies', async () => {
    const base = await serve(stubRuntime({ database: async () => Promise.reject(new Error('down')) }));
    const res = await fetch(`${base}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when Postgres and Redis answer, and 503 with the failing check otherwise', async () => {
    const ready = await fetch(`${await serve(stubRuntime())}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });

    const down = await fetch(
      `${await serve(stubRuntime({ database: async () => Promise.reject(new Error('ECONNREFUSED')) }))}/health/ready`,
    );
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', checks: { database: 'error', redis: 'ok' } });
  });

  it('serves the Prometheus metrics of the process', async () => {
    const metrics = new Metrics('worker');
    metrics.runsFinished.inc({ status: 'succeeded', error_code: '', provider: 'openai' });
    const res = await fetch(`${await serve(stubRuntime({ metrics }))}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain(
      'gtr_runs_finished_total{status="succeeded",error_code="",provider="openai",service="worker"} 1',
    );
  });

  it('answers 404 for an unknown path and 405 for another method', async () => {
    const base = await serve(stubRuntime());
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/health/live`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(await post.json()).toEqual({ error: 'method not allowed' });
  });

  it('answers 500 when a handler fails', async () => {
    const metrics = new Metrics('worker');
    jest.spyOn(metrics, 'render').mockRejectedValueOnce(new Error('collector failed'));
    const res = await fetch(`${await serve(stubRuntime({ metrics }))}/metrics`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error' });
  });

  it('rejects when the port is taken', async () => {
    const first = await startHealthServer(stubRuntime(), 0);
    servers.push(first);
    await expect(
      startHealthServer(stubRuntime(), (first.address() as AddressInfo).port),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
