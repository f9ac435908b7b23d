import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { StatsRecorder } from '../stats/stats-recorder';
import { type MockLlmState } from './mock-llm-state';
import { createRequestHandler } from './request-handler';

describe('createRequestHandler', () => {
  it('turns an unexpected failure into a 500 server_error, on both surfaces', async () => {
    const broken = {
      stats: new StatsRecorder(),
      get config(): never {
        throw new Error('boom');
      },
    } as unknown as MockLlmState;
    const server = createServer(createRequestHandler(broken));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/v1/models', '/_mock/config']) {
        const response = await fetch(`${base}${path}`);
        expect(response.status).toBe(500);
        expect((await response.json()).error).toEqual({
          message: 'mock-llm failed: boom',
          type: 'server_error',
          param: null,
          code: null,
        });
      }
      expect(broken.stats.snapshot()).toMatchObject({ totalRequests: 1, inFlight: 0 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
