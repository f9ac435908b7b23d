import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Runtime, checkReadiness } from '@gtr/server';

/** What the health server reads from the runtime. */
export type HealthRuntime = Pick<Runtime, 'dataSource' | 'queue' | 'embedded' | 'metrics' | 'logger'>;

/**
 * The worker's only HTTP surface: liveness, readiness and Prometheus metrics. Resolves once
 * listening (port 0: any free port, see `server.address()`); rejects when the port is taken.
 */
export async function startHealthServer(runtime: HealthRuntime, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    const route = async () => {
      if (req.method !== 'GET') return send(405, JSON.stringify({ error: 'method not allowed' }));
      if (req.url === '/health/live') return send(200, JSON.stringify({ status: 'ok' }));
      if (req.url === '/health/ready') {
        const readiness = await checkReadiness(runtime);
        return send(readiness.status === 'ok' ? 200 : 503, JSON.stringify(readiness));
      }
      if (req.url === '/metrics')
        return send(200, await runtime.metrics.render(), runtime.metrics.contentType());
      return send(404, JSON.stringify({ error: 'not found' }));
    };
    route().catch((error: unknown) => {
      runtime.logger.error({ err: error, url: req.url }, 'health request failed');
      send(500, JSON.stringify({ error: 'internal error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  runtime.logger.info(
    { port: (server.address() as AddressInfo).port },
    'worker health and metrics listening',
  );
  return server;
}
