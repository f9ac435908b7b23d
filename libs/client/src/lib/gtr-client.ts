import {
  GtrError,
  type Page,
  type RunDetailView,
  type RunEvent,
  type RunRequest,
  type RunView,
} from '@gtr/domain';
import { batchMethods, type BatchMethods } from './batch-methods';
import { type HealthReport } from './health-report';
import { HttpTransport, type FetchLike } from './http-transport';
import { type ListRunsParams } from './list-runs-params';
import { type MeView } from './me-view';
import { type RequestOptions } from './request-options';
import { scheduleMethods, type ScheduleMethods } from './schedule-methods';
import { parseSse } from './sse-parser';
import { taskMethods, type TaskMethods } from './task-methods';
import { usageMethods, type UsageMethods } from './usage-methods';
import { waitForRun, type WaitForRunOptions } from './wait-for-run';

/** How to reach the API. */
export interface GtrClientOptions {
  /** API base URL, e.g. `http://127.0.0.1:3000` (a path prefix is kept). */
  baseUrl: string;
  /** `gtr_…` key, sent as `Authorization: Bearer`; never part of an error or message. */
  apiKey: string;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Abort a request (not an event stream) that has not answered after this long; default 30 s. */
  timeoutMs?: number;
}

/** Options of `GtrClient.events`. */
export interface EventsOptions {
  /** Only events of this run. */
  runId?: string;
  /** Only events of runs of this batch. */
  batchId?: string;
  /** Ends the stream; the iteration then finishes without an error. */
  signal?: AbortSignal;
}

/**
 * Typed client of the gtr HTTP API (docs/api.md). Failures reject with `GtrApiError` (the API
 * answered with an error) or `GtrNetworkError` (`E_NETWORK`: it could not be reached).
 */
export interface GtrClient extends TaskMethods, ScheduleMethods, UsageMethods, BatchMethods {
  /** `GET /v1/me`: the tenant and key behind the API key. */
  me(options?: RequestOptions): Promise<MeView>;
  /**
   * `POST /v1/runs`, ad hoc (`prompt` / `messages`) or from a task (`task`, `input`, optional
   * `version`). With an already used `idempotencyKey`, the existing run.
   */
  createRun(body: RunRequest, options?: RequestOptions): Promise<RunView>;
  /** `GET /v1/runs/:id`: the run with its attempts. */
  getRun(id: string, options?: RequestOptions): Promise<RunDetailView>;
  /** `GET /v1/runs`: one page, newest first. */
  listRuns(params?: ListRunsParams, options?: RequestOptions): Promise<Page<RunView>>;
  /** `POST /v1/runs/:id/cancel`; `E_CONFLICT` when the run already finished. */
  cancelRun(id: string, options?: RequestOptions): Promise<RunView>;
  /** `GET /health/ready` (no key needed). Resolves for 200 and for 503 (`status: 'error'`). */
  health(options?: RequestOptions): Promise<HealthReport>;
  /**
   * `GET /v1/events`: `run.updated` events as they happen. Other event types and comments are
   * skipped. The stream ends when the server closes it or `signal` aborts; reconnecting is up
   * to the caller. A broken connection rejects with `GtrNetworkError`.
   */
  events(options?: EventsOptions): AsyncIterable<RunEvent>;
  /** Resolves with the run once it is `succeeded`, `failed` or `cancelled`. See `WaitForRunOptions`. */
  waitForRun(id: string, options?: WaitForRunOptions): Promise<RunDetailView>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Creates a client. Throws `GtrError('E_CONFIG')` when `baseUrl` is not a URL. */
export function createGtrClient(options: GtrClientOptions): GtrClient {
  const http = createTransport(options);
  const runPath = (id: string): string => `/v1/runs/${encodeURIComponent(id)}`;

  const client: GtrClient = {
    me: (opts) => http.json({ method: 'GET', path: '/v1/me', signal: opts?.signal }),
    createRun: (body, opts) => http.json({ method: 'POST', path: '/v1/runs', body, signal: opts?.signal }),
    getRun: (id, opts) => http.json({ method: 'GET', path: runPath(id), signal: opts?.signal }),
    listRuns: (params = {}, opts) =>
      http.json({
        method: 'GET',
        path: '/v1/runs',
        query: { status: params.status, batchId: params.batchId, limit: params.limit, cursor: params.cursor },
        signal: opts?.signal,
      }),
    cancelRun: (id, opts) =>
      http.json({ method: 'POST', path: `${runPath(id)}/cancel`, signal: opts?.signal }),
    health: (opts) =>
      http.json({
        method: 'GET',
        path: '/health/ready',
        auth: false,
        okStatuses: [503],
        signal: opts?.signal,
      }),
    events: (opts = {}) => streamEvents(http, opts),
    waitForRun: (id, opts) => waitForRun(client, id, opts),
    ...taskMethods(http),
    ...scheduleMethods(http),
    ...usageMethods(http),
    ...batchMethods(http),
  };
  return client;
}

function createTransport(options: GtrClientOptions): HttpTransport {
  try {
    return new HttpTransport({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch {
    throw new GtrError('E_CONFIG', `The API base URL "${options.baseUrl}" is not a URL.`);
  }
}

async function* streamEvents(
  http: HttpTransport,
  { runId, batchId, signal }: EventsOptions,
): AsyncGenerator<RunEvent> {
  try {
    const response = await http.send({
      method: 'GET',
      path: '/v1/events',
      query: { runId, batchId },
      accept: 'text/event-stream',
      signal,
      timeoutMs: 0,
    });
    if (!response.body) throw new GtrError('E_INTERNAL', 'The API answered GET /v1/events without a body.');
    for await (const message of parseSse(response.body)) {
      if (message.event === 'run.updated') yield parseRunEvent(message.data);
    }
  } catch (error) {
    if (signal?.aborted) return;
    if (error instanceof GtrError) throw error;
    throw http.failure(error, signal, 0);
  }
}

function parseRunEvent(data: string): RunEvent {
  let event: Partial<RunEvent> | null = null;
  try {
    event = JSON.parse(data) as Partial<RunEvent> | null;
  } catch {
    // reported below
  }
  if (typeof event?.runId !== 'string' || typeof event.status !== 'string') {
    throw new GtrError('E_INTERNAL', 'The API sent a malformed run.updated event.');
  }
  return event as RunEvent;
}
