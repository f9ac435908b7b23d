import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type RunDetailView, type RunEvent } from '@gtr/domain';
import { runFixture } from '../../testing/run-fixture';
import { createGtrClient } from './gtr-client';
import { GtrNetworkError } from './gtr-network-error';

const KEY = 'gtr_http_spec_key';

/** A tiny API: runs finish when the test says so, and every change is streamed over SSE. */
class TinyApi {
  readonly server: Server;
  readonly runs = new Map<string, RunDetailView>();
  private readonly streams = new Set<{ res: ServerResponse; runId: string | null }>();
  subscribed!: Promise<void>;
  private markSubscribed!: () => void;

  constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
    this.resetSubscribed();
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const { res } of this.streams) res.end();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  finish(id: string): void {
    const run = { ...this.runs.get(id)!, status: 'succeeded' as const, output: { text: 'pong', json: null } };
    this.runs.set(id, run);
    const event: RunEvent = {
      type: 'run.updated',
      tenantId: 't1',
      runId: id,
      status: run.status,
      batchId: null,
      at: new Date().toISOString(),
    };
    for (const stream of this.streams) {
      if (stream.runId === null || stream.runId === id) {
        // Split across writes, the way a proxy may deliver it.
        stream.res.write('event: run.upd');
        stream.res.write(`ated\r\ndata: ${JSON.stringify(event)}\r\n\r\n`);
      }
    }
  }

  private resetSubscribed(): void {
    this.subscribed = new Promise((resolve) => (this.markSubscribed = resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 'E_AUTH', message: 'Invalid API key', action: 'Check the API key.' },
        }),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v1/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': ping\n\n');
      const stream = { res, runId: url.searchParams.get('runId') };
      this.streams.add(stream);
      req.on('close', () => this.streams.delete(stream));
      this.markSubscribed();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/runs') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { prompt } = JSON.parse(body) as { prompt: string };
        const run = runFixture({
          id: `run-${this.runs.size + 1}`,
          messages: [{ role: 'user', content: prompt }],
        });
        this.runs.set(run.id, run);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(run));
      });
      return;
    }
    const match = /^\/v1\/runs\/([^/]+)$/.exec(url.pathname);
    const run = match && this.runs.get(decodeURIComponent(match[1]));
    res.writeHead(run ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        run ?? { error: { code: 'E_NOT_FOUND', message: 'Not found', action: 'Check the id.' } },
      ),
    );
  }
}

describe('GtrClient over HTTP (global fetch, real SSE)', () => {
  const api = new TinyApi();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await api.listen();
  });
  afterAll(() => api.close());

  it('creates a run and waits for it, woken by the event stream rather than the poll', async () => {
    const client = createGtrClient({ baseUrl, apiKey: KEY });
    const created = await client.createRun({ prompt: 'ping' });
    const statuses: string[] = [];
    let firstRead!: () => void;
    const readOnce = new Promise<void>((resolve) => (firstRead = resolve));

    const waiting = client.waitForRun(created.id, {
      pollMs: 60_000,
      onUpdate: (r) => {
        statuses.push(r.status);
        firstRead();
      },
    });
    await Promise.all([api.subscribed, readOnce]);
    api.finish(created.id);

    const run = await waiting;
    expect(run.output?.text).toBe('pong');
    expect(statuses).toEqual(['queued', 'succeeded']);
  });

  it('reports a wrong key as E_AUTH with its HTTP status', async () => {
    const client = createGtrClient({ baseUrl, apiKey: 'gtr_wrong' });
    await expect(client.getRun('run-1')).rejects.toMatchObject({
      status: 401,
      code: 'E_AUTH',
      message: 'Invalid API key',
    });
  });

  it('reports a closed port as E_NETWORK naming the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const error = await createGtrClient({ baseUrl: url, apiKey: KEY })
      .me()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GtrNetworkError);
    expect((error as Error).message).toContain(`Cannot reach the gtr API at ${url} (connect ECONNREFUSED`);
    expect((error as Error).message).not.toContain(KEY);
  });
});
