import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import {
  type AttemptView,
  type ErrorBody,
  type ErrorCode,
  errorInfo,
  isTerminal,
  type RunDetailView,
  type RunEvent,
  type RunStatus,
} from '@gtr/domain';

/**
 * A small in-memory stand-in for the API (docs/api.md) for dashboard checks that need states
 * the real dry-run provider never produces: a run held in `queued`, failed attempts, many pages.
 * Runs change only when the test says so.
 */
export interface FakeApi {
  url: string;
  addRun(patch?: Partial<RunDetailView>): RunDetailView;
  updateRun(id: string, patch: Partial<RunDetailView>): RunDetailView;
  run(id: string): RunDetailView | undefined;
  /** From now on only `key` is accepted, as after the operator's key was revoked. */
  replaceKey(key: string): void;
  close(): Promise<void>;
}

const TENANT_ID = '00000000-0000-4000-8000-000000000001';

export async function startFakeApi(initialKey: string): Promise<FakeApi> {
  let apiKey = initialKey;
  const runs: RunDetailView[] = [];
  const streams = new Set<{ res: ServerResponse; runId: string | null }>();

  const publish = (run: RunDetailView): void => {
    const event: RunEvent = {
      type: 'run.updated',
      tenantId: TENANT_ID,
      runId: run.id,
      status: run.status,
      batchId: run.batchId,
      at: new Date().toISOString(),
    };
    for (const stream of streams) {
      if (stream.runId === null || stream.runId === run.id) {
        stream.res.write(`event: run.updated\ndata: ${JSON.stringify(event)}\n\n`);
      }
    }
  };

  const addRun = (patch: Partial<RunDetailView> = {}): RunDetailView => {
    const run: RunDetailView = { ...newRun(), ...patch };
    runs.unshift(run);
    publish(run);
    return run;
  };

  const updateRun = (id: string, patch: Partial<RunDetailView>): RunDetailView => {
    const run = runs.find((r) => r.id === id);
    if (!run) throw new Error(`No run ${id}`);
    Object.assign(run, patch);
    publish(run);
    return run;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/health/ready' || url.pathname === '/health/live') {
      return json(res, 200, { status: 'ok' });
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return fail(res, 'E_AUTH', 'Invalid API key.');
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && url.pathname === '/v1/me') {
      return json(res, 200, {
        tenantId: TENANT_ID,
        tenantName: 'Fake tenant',
        keyId: 'key_fake',
        scopes: ['admin'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/v1/runs') {
      const statuses = url.searchParams.get('status')?.split(',');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      if (!Number.isInteger(offset) || offset < 0)
        return fail(res, 'E_VALIDATION', 'Invalid request: cursor is invalid');
      const matching = runs.filter((r) => !statuses || statuses.includes(r.status));
      const data = matching.slice(offset, offset + limit).map(({ attempts: _attempts, ...view }) => view);
      const next = offset + limit < matching.length ? String(offset + limit) : null;
      return json(res, 200, { data, nextCursor: next });
    }
    if (req.method === 'POST' && url.pathname === '/v1/runs') {
      return json(res, 201, addRun());
    }
    if (parts[0] === 'v1' && parts[1] === 'runs' && parts[2]) {
      const run = runs.find((r) => r.id === parts[2]);
      if (!run) return fail(res, 'E_NOT_FOUND', `Run ${parts[2]} was not found.`);
      if (req.method === 'GET' && parts.length === 3) return json(res, 200, run);
      if (req.method === 'POST' && parts[3] === 'cancel') {
        if (isTerminal(run.status)) return fail(res, 'E_CONFLICT', `Run is already ${run.status}.`);
        const now = new Date().toISOString();
        updateRun(run.id, {
          status: 'cancelled',
          finishedAt: now,
          error: { code: 'E_CANCELLED', message: 'The run was cancelled.' },
        });
        return json(res, 200, run);
      }
    }
    if (req.method === 'GET' && url.pathname === '/v1/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': connected\n\n');
      const stream = { res, runId: url.searchParams.get('runId') };
      streams.add(stream);
      req.on('close', () => streams.delete(stream));
      return;
    }
    return fail(res, 'E_NOT_FOUND', 'Not found.');
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    addRun,
    updateRun,
    run: (id) => runs.find((r) => r.id === id),
    replaceKey: (key) => {
      apiKey = key;
    },
    close: async () => {
      for (const stream of streams) stream.res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function newRun(): RunDetailView {
  return {
    id: randomUUID(),
    status: 'queued' as RunStatus,
    provider: 'dry-run',
    model: 'gpt-4o-mini',
    taskId: null,
    taskVersion: null,
    batchId: null,
    messages: [{ role: 'user', content: 'Say hello.' }],
    params: {},
    output: null,
    finishReason: null,
    usage: null,
    costUsd: null,
    cached: false,
    error: null,
    attemptCount: 0,
    metadata: {},
    idempotencyKey: null,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    attempts: [] as AttemptView[],
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, code: ErrorCode, message: string): void {
  const body: ErrorBody = { error: { code, message, action: errorInfo(code).action } };
  json(res, errorInfo(code).httpStatus, body);
}
