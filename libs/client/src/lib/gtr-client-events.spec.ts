import { type RunEvent } from '@gtr/domain';
import { controlledStream, fakeFetch, json } from '../../test/fake-fetch';
import { createGtrClient } from './gtr-client';
import { GtrApiError } from './gtr-api-error';
import { GtrNetworkError } from './gtr-network-error';

const KEY = 'gtr_events_key';

const event = (runId: string, status: RunEvent['status']): RunEvent => ({
  type: 'run.updated',
  tenantId: 't1',
  runId,
  status,
  batchId: null,
  at: '2025-05-01T12:00:00.000Z',
});

const frame = (e: unknown, name = 'run.updated'): string => `event: ${name}\ndata: ${JSON.stringify(e)}\n\n`;

async function collect(iterable: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const out: RunEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

describe('GtrClient.events', () => {
  it('subscribes with the key and run filter and yields only run.updated events', async () => {
    const fetch = fakeFetch(() => {
      const stream = controlledStream();
      stream.push(': ping\n\n');
      stream.push(frame(event('r1', 'running')));
      stream.push(frame({ hello: 1 }, 'server.hello'));
      stream.push(frame(event('r1', 'succeeded')));
      stream.close();
      return new Response(stream.body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });

    const events = await collect(client.events({ runId: 'r1' }));

    expect(events).toEqual([event('r1', 'running'), event('r1', 'succeeded')]);
    expect(fetch.calls[0].url.href).toBe('http://api.test/v1/events?runId=r1');
    expect(fetch.calls[0].headers).toEqual({ accept: 'text/event-stream', authorization: `Bearer ${KEY}` });
  });

  it('filters by batch', async () => {
    const fetch = fakeFetch(() => new Response(''));
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });
    await collect(client.events({ batchId: 'b1' }));
    expect(fetch.calls[0].url.search).toBe('?batchId=b1');
  });

  it('streams all runs without a filter and is not cut by the request timeout', async () => {
    const fetch = fakeFetch((call) => {
      const stream = controlledStream(call.signal);
      setTimeout(() => {
        stream.push(frame(event('r2', 'queued')));
        stream.close();
      }, 30);
      return new Response(stream.body);
    });
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch, timeoutMs: 5 });

    await expect(collect(client.events())).resolves.toEqual([event('r2', 'queued')]);
    expect(fetch.calls[0].url.search).toBe('');
  });

  it('ends without an error when the signal aborts', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch((call) => {
      const stream = controlledStream(call.signal);
      stream.push(frame(event('r1', 'running')));
      return new Response(stream.body);
    });
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });

    const seen: RunEvent[] = [];
    for await (const e of client.events({ signal: controller.signal })) {
      seen.push(e);
      controller.abort();
    }
    expect(seen).toHaveLength(1);
  });

  it('ends without an error when aborted before connecting', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = fakeFetch((call) => Promise.reject(call.signal?.reason));
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });
    await expect(collect(client.events({ signal: controller.signal }))).resolves.toEqual([]);
  });

  it('rejects with GtrApiError when the subscription is refused', async () => {
    const fetch = fakeFetch(() => json({ error: { code: 'E_AUTH', message: 'Invalid API key' } }, 401));
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });
    await expect(collect(client.events())).rejects.toBeInstanceOf(GtrApiError);
  });

  it('rejects with E_NETWORK when the stream breaks', async () => {
    const fetch = fakeFetch(() => {
      const stream = controlledStream();
      stream.push(frame(event('r1', 'running')));
      stream.fail(new TypeError('terminated'));
      return new Response(stream.body);
    });
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });
    const error = await collect(client.events()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GtrNetworkError);
    expect((error as Error).message).toContain('(terminated)');
  });

  it.each([
    ['not JSON', 'event: run.updated\ndata: {oops\n\n'],
    ['JSON without runId', frame({ status: 'queued' })],
    ['null', 'event: run.updated\ndata: null\n\n'],
  ])('rejects a malformed event (%s) with E_INTERNAL', async (_, text) => {
    const fetch = fakeFetch(() => new Response(text));
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });
    await expect(collect(client.events())).rejects.toMatchObject({
      code: 'E_INTERNAL',
      message: 'The API sent a malformed run.updated event.',
    });
  });

  it('rejects a response without a body with E_INTERNAL', async () => {
    const fetch = fakeFetch(() => new Response(null, { status: 200 }));
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: KEY, fetch });
    await expect(collect(client.events())).rejects.toMatchObject({ code: 'E_INTERNAL' });
  });
});
