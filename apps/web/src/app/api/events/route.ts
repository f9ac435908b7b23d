import { type NextRequest } from 'next/server';
import { apiClientFor } from '../../../server/api-client';
import { GtrApiError } from '@gtr/client';
import { SESSION_COOKIE } from '../../../server/session-cookie';

export const dynamic = 'force-dynamic';

const PING_EVERY_MS = 15_000;

/**
 * Same-origin Server-Sent Events for the browser: the API's `GET /v1/events`, fetched with the
 * session's key, so neither the API URL nor the key reaches the page.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const apiKey = request.cookies.get(SESSION_COOKIE)?.value;
  if (!apiKey) return new Response('Sign in first.', { status: 401 });
  const runId = request.nextUrl.searchParams.get('runId') || undefined;
  const batchId = request.nextUrl.searchParams.get('batchId') || undefined;

  const upstream = new AbortController();
  request.signal.addEventListener('abort', () => upstream.abort());
  const encoder = new TextEncoder();
  let open = true;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string): void => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const ping = setInterval(() => send(': ping\n\n'), PING_EVERY_MS);
      send('retry: 3000\n\n');
      try {
        for await (const event of apiClientFor(apiKey).events({ runId, batchId, signal: upstream.signal })) {
          send(`event: run.updated\ndata: ${JSON.stringify(event)}\n\n`);
        }
      } catch (error) {
        if (error instanceof GtrApiError && error.status === 401)
          send('event: session.expired\ndata: {}\n\n');
        // Anything else (API restart, abort): closing makes EventSource reconnect after `retry`.
      } finally {
        clearInterval(ping);
        open = false;
        try {
          controller.close();
        } catch {
          // Already closed by a cancelled reader.
        }
      }
    },
    cancel() {
      open = false;
      upstream.abort();
    },
  });

  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform keeps Next's gzip from buffering the stream.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
