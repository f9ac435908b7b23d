import { GtrError } from '@gtr/domain';
import { connectionRefused, fakeFetch, hangUntilAborted, json } from '../../test/fake-fetch';
import { runFixture } from '../../testing/run-fixture';
import { createGtrClient } from './gtr-client';
import { GtrApiError } from './gtr-api-error';
import { GtrNetworkError } from './gtr-network-error';

const KEY = 'gtr_secret_key_0123456789';

function clientWith(
  route: Parameters<typeof fakeFetch>[0],
  baseUrl = 'http://127.0.0.1:3000',
  timeoutMs?: number,
) {
  const fetch = fakeFetch(route);
  return { client: createGtrClient({ baseUrl, apiKey: KEY, fetch, timeoutMs }), calls: fetch.calls };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('createGtrClient requests', () => {
  it('me() sends the key as a bearer token and returns the body', async () => {
    const me = { tenantId: 't1', tenantName: 'Acme', keyId: 'k1', scopes: ['runs:write'] };
    const { client, calls } = clientWith(() => json(me));

    await expect(client.me()).resolves.toEqual(me);
    expect(calls[0].url.href).toBe('http://127.0.0.1:3000/v1/me');
    expect(calls[0].method).toBe('GET');
    expect(calls[0].headers).toEqual({ accept: 'application/json', authorization: `Bearer ${KEY}` });
  });

  it('keeps a path prefix of the base URL, with or without a trailing slash', async () => {
    for (const base of ['https://host.example/gtr', 'https://host.example/gtr/']) {
      const { client, calls } = clientWith(() => json({}), base);
      await client.me();
      expect(calls[0].url.href).toBe('https://host.example/gtr/v1/me');
    }
  });

  it('createRun() posts the body as JSON, temperature 0 included', async () => {
    const run = runFixture();
    const { client, calls } = clientWith(() => json(run, 201));
    const body = { prompt: 'hi', params: { temperature: 0 } };

    await expect(client.createRun(body)).resolves.toEqual(run);
    expect(calls[0]).toMatchObject({ method: 'POST', body });
    expect(calls[0].url.pathname).toBe('/v1/runs');
    expect(calls[0].headers['content-type']).toBe('application/json');
  });

  it('getRun() and cancelRun() encode the id into the path', async () => {
    const { client, calls } = clientWith(() => json(runFixture()));
    await client.getRun('a/b c');
    await client.cancelRun('r1');
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /v1/runs/a%2Fb%20c',
      'POST /v1/runs/r1/cancel',
    ]);
  });

  it('listRuns() sends only the given filters, statuses comma-separated', async () => {
    const page = { data: [runFixture()], nextCursor: 'c2' };
    const { client, calls } = clientWith(() => json(page));

    await expect(
      client.listRuns({ status: ['queued', 'running'], limit: 10, cursor: 'c1' }),
    ).resolves.toEqual(page);
    await client.listRuns({ status: 'failed', batchId: 'b1' });
    await client.listRuns();
    await client.listRuns({ status: [] });

    expect(calls.map((c) => c.url.search)).toEqual([
      '?status=queued%2Crunning&limit=10&cursor=c1',
      '?status=failed&batchId=b1',
      '',
      '',
    ]);
  });

  it('health() needs no key and returns the report on 503 too', async () => {
    const report = { status: 'error', checks: { database: 'error', redis: 'embedded' } };
    const { client, calls } = clientWith(() => json(report, 503));

    await expect(client.health()).resolves.toEqual(report);
    expect(calls[0].url.pathname).toBe('/health/ready');
    expect(calls[0].headers['authorization']).toBeUndefined();
  });

  it('rejects a base URL that is not a URL with E_CONFIG', () => {
    expect(() => createGtrClient({ baseUrl: 'not a url', apiKey: KEY })).toThrow(
      expect.objectContaining({ code: 'E_CONFIG', message: 'The API base URL "not a url" is not a URL.' }),
    );
  });
});

describe('createGtrClient errors', () => {
  it('turns an error body into GtrApiError with status, code, issues and action', async () => {
    const body = {
      error: {
        code: 'E_VALIDATION',
        message: 'Invalid request: temperature Too big: expected number to be <=2',
        action: 'Fix the fields named in the error.',
        issues: [{ field: 'temperature', message: 'Too big: expected number to be <=2' }, { nonsense: true }],
      },
    };
    const { client } = clientWith(() => json(body, 400));

    const error = await rejection(client.createRun({ prompt: 'x', params: { temperature: 3 } }));

    expect(error).toBeInstanceOf(GtrApiError);
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({
      status: 400,
      code: 'E_VALIDATION',
      message: body.error.message,
      action: body.error.action,
      issues: [{ field: 'temperature', message: 'Too big: expected number to be <=2' }],
    });
  });

  it('falls back to the taxonomy action when the body has none', async () => {
    const { client } = clientWith(() =>
      json({ error: { code: 'E_NOT_FOUND', message: 'Run x not found' } }, 404),
    );
    await expect(client.getRun('x')).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
      action: 'Check the id.',
      issues: [],
    });
  });

  it('maps an unknown code or a body that is not an error body by HTTP status', async () => {
    const { client: unknownCode } = clientWith(() =>
      json({ error: { code: 'E_FROM_THE_FUTURE', message: 'new' } }, 409),
    );
    await expect(unknownCode.cancelRun('r')).rejects.toMatchObject({
      status: 409,
      code: 'E_CONFLICT',
      message: 'new',
    });

    const { client: gateway } = clientWith(
      () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(gateway.me()).rejects.toMatchObject({
      status: 502,
      code: 'E_NETWORK',
      message: 'The API answered GET /v1/me with HTTP 502 Bad Gateway.',
    });

    const { client: nullError } = clientWith(() => json({ error: null }, 401));
    await expect(nullError.me()).rejects.toMatchObject({
      code: 'E_AUTH',
      message: 'The API answered GET /v1/me with HTTP 401.',
    });

    const { client: nullBody } = clientWith(() => json(null, 500));
    await expect(nullBody.me()).rejects.toMatchObject({ code: 'E_INTERNAL' });
  });

  it('ignores fields of the error body that have the wrong type', async () => {
    const { client } = clientWith(() =>
      json({ error: { code: 'E_AUTH', message: 42, action: [], issues: 'x' } }, 401),
    );
    await expect(client.me()).rejects.toMatchObject({
      code: 'E_AUTH',
      message: 'The API answered GET /v1/me with HTTP 401.',
      action: expect.stringContaining('Check the API key'),
      issues: [],
    });
  });

  it('rejects a success whose body is not JSON', async () => {
    const { client } = clientWith(() => new Response('<html>', { status: 200 }));
    await expect(client.me()).rejects.toMatchObject({
      status: 200,
      code: 'E_INTERNAL',
      message: 'The API answered GET /v1/me with a body that is not JSON.',
    });
  });

  it('reports a refused connection as E_NETWORK naming the URL and the fix', async () => {
    const { client } = clientWith(() => {
      throw connectionRefused();
    }, 'http://user:pw@127.0.0.1:3000/');

    const error = (await rejection(client.me())) as GtrNetworkError;

    expect(error).toBeInstanceOf(GtrNetworkError);
    expect(error.code).toBe('E_NETWORK');
    expect(error.url).toBe('http://127.0.0.1:3000');
    expect(error.message).toBe(
      'Cannot reach the gtr API at http://127.0.0.1:3000 (connect ECONNREFUSED 127.0.0.1:3000). Start it with `npm start`, or set GTR_API_URL to where it runs.',
    );
    expect(error.action).toContain('GTR_API_URL');
  });

  it('uses the error itself when it has no cause, and its string form when it is no Error', async () => {
    const { client: plain } = clientWith(() => {
      throw new Error('socket hang up');
    });
    await expect(plain.me()).rejects.toMatchObject({ message: expect.stringContaining('(socket hang up)') });

    const { client: odd } = clientWith(() => Promise.reject('weird'));
    await expect(odd.me()).rejects.toMatchObject({ message: expect.stringContaining('(weird)') });
  });

  it('reports no answer within the timeout as E_NETWORK', async () => {
    const { client } = clientWith((call) => hangUntilAborted(call.signal), 'http://127.0.0.1:3000', 20);
    await expect(client.me()).rejects.toMatchObject({
      code: 'E_NETWORK',
      message: expect.stringContaining('(no answer within 20 ms)'),
    });
  });

  it('reports a body that breaks off as E_NETWORK', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new TypeError('terminated')),
    });
    const { client } = clientWith(() => new Response(body, { status: 200 }));
    await expect(client.me()).rejects.toMatchObject({
      code: 'E_NETWORK',
      message: expect.stringContaining('(terminated)'),
    });
  });

  it('passes a caller abort through untouched', async () => {
    const { client } = clientWith((call) => hangUntilAborted(call.signal));
    const controller = new AbortController();
    const pending = client.getRun('r', { signal: controller.signal });
    controller.abort();

    const error = await rejection(pending);
    expect(error).not.toBeInstanceOf(GtrError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('never puts the API key in a message, issue or action', async () => {
    const echo = `bad header Bearer ${KEY}`;
    const { client: echoing } = clientWith(() =>
      json(
        {
          error: {
            code: 'E_AUTH',
            message: echo,
            action: echo,
            issues: [{ field: 'authorization', message: echo }],
          },
        },
        401,
      ),
    );
    const apiError = (await rejection(echoing.me())) as GtrApiError;
    expect(JSON.stringify([apiError.message, apiError.action, apiError.issues])).not.toContain(KEY);
    expect(apiError.message).toBe('bad header Bearer ***');

    const { client: failing } = clientWith(() => {
      throw new TypeError('fetch failed', { cause: new Error(`refused for ${KEY}`) });
    });
    const networkError = (await rejection(failing.me())) as GtrNetworkError;
    expect(networkError.message).not.toContain(KEY);
    expect(networkError.message).toContain('refused for ***');
  });
});
