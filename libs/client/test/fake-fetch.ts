import { type FetchLike } from '../src/lib/http-transport';

export interface RecordedCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | undefined;
}

export type Route = (call: RecordedCall) => Response | Promise<Response>;

/** A fetch that hands each request to `route` and records what was sent. */
export function fakeFetch(route: Route): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fn = async (input: string, init: RequestInit): Promise<Response> => {
    const call: RecordedCall = {
      url: new URL(input),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    return route(call);
  };
  return Object.assign(fn, { calls });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fetch rejection the way Node's fetch reports a refused connection. */
export function connectionRefused(host = '127.0.0.1:3000'): TypeError {
  const cause = Object.assign(new Error(`connect ECONNREFUSED ${host}`), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

/** Resolves never; rejects with the signal's reason when it aborts, like fetch. */
export function hangUntilAborted(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A streaming body whose chunks the test pushes, like a live SSE response. */
export function controlledStream(signal?: AbortSignal): {
  body: ReadableStream<Uint8Array>;
  push(text: string): void;
  close(): void;
  fail(error: unknown): void;
  cancelled: Promise<void>;
} {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let markCancelled!: () => void;
  const cancelled = new Promise<void>((resolve) => (markCancelled = resolve));
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => markCancelled(),
  });
  signal?.addEventListener('abort', () => {
    try {
      controller.error(signal.reason);
    } catch {
      // already closed
    }
    markCancelled();
  });
  return {
    body,
    push: (text) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
    fail: (error) => controller.error(error),
    cancelled,
  };
}
