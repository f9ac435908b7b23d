import { promptFingerprint } from '../completions/prompt-fingerprint';
import { startMockLlm, type MockLlm } from '../start-mock-llm';
import { adminUrl, ask, postChat } from '../../test/http-helpers';

async function post(mock: MockLlm, path: string, body?: unknown) {
  const response = await fetch(adminUrl(mock, path), {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('admin API and stats', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm({ rpm: 100, seed: 1 });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset({ options: true }));

  it('serves the stats other processes read, with duplicates and without admin calls', async () => {
    await postChat(mock, ask('Say a'));
    await postChat(mock, ask('Say a'));
    await postChat(mock, ask('Say b [[fail:503]]'));
    await fetch(`${mock.url}/models`);
    await fetch(adminUrl(mock, 'health'));
    const stats = await (await fetch(adminUrl(mock, 'stats'))).json();
    const a = promptFingerprint(ask('Say a').messages);
    expect(stats).toMatchObject({
      totalRequests: 4,
      byPath: { 'POST /v1/chat/completions': 3, 'GET /v1/models': 1 },
      chatCompletions: { ok: 2, serverErrors: 1, rateLimited: 0, clientErrors: 0, aborted: 0 },
      tokens: { prompt: 4, completion: 2 },
      inFlight: 0,
      maxInFlight: 1,
      duplicates: [{ fingerprint: a, count: 2 }],
    });
    expect(Object.values(stats.promptCounts).sort()).toEqual([1, 2]);
    expect(mock.duplicates()).toEqual(stats.duplicates);
  });

  it('changes the behaviour through POST /_mock/config and validates it', async () => {
    const changed = await post(mock, 'config', { failNext: { error500: 1 }, latencyMs: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ rpm: 100, latencyMs: 1, failNext: { error500: 1 }, apiKey: null });
    expect((await postChat(mock, ask('x'))).status).toBe(500);
    expect((await (await fetch(adminUrl(mock, 'config'))).json()).failNext).toEqual({ error500: 0 });

    const invalid = await post(mock, 'config', { faults: { hang: 3 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('faults.hang'),
    });
    const broken = await fetch(adminUrl(mock, 'config'), { method: 'POST', body: '{' });
    expect(broken.status).toBe(400);
    expect((await post(mock, 'config')).status).toBe(200);
  });

  it('resets stats over POST /_mock/reset, and the start options too when asked', async () => {
    mock.configure({ rpm: 1 });
    await postChat(mock, ask('x'));
    expect((await post(mock, 'reset')).body).toEqual({ ok: true, restoredOptions: false });
    expect(mock.stats()).toMatchObject({ totalRequests: 0, promptCounts: {} });
    expect(mock.config().rpm).toBe(1);
    expect((await post(mock, 'reset', { options: true })).body).toEqual({ ok: true, restoredOptions: true });
    expect(mock.config().rpm).toBe(100);
    expect((await fetch(adminUrl(mock, 'reset'), { method: 'POST', body: 'nope' })).status).toBe(400);
  });

  it('answers unknown admin paths with 404', async () => {
    const response = await fetch(adminUrl(mock, 'nothing'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('unknown_url');
  });

  it('validates programmatic changes as well', () => {
    expect(() => mock.configure({ rpm: -1 })).toThrow('Invalid mock-llm option rpm');
    expect(mock.configure({ jitterMs: 5 }).jitterMs).toBe(5);
  });
});

describe('startMockLlm', () => {
  it('refuses invalid start options', async () => {
    await expect(startMockLlm({ limitWindow: 'hour' as 'minute' })).rejects.toThrow('limitWindow');
  });

  it('gives a loopback URL when bound to every address, and fails on a taken port', async () => {
    const mock = await startMockLlm({ host: '0.0.0.0' });
    try {
      expect(mock.url).toBe(`http://127.0.0.1:${mock.port}/v1`);
      await expect(startMockLlm({ port: mock.port, host: '0.0.0.0' })).rejects.toThrow('EADDRINUSE');
    } finally {
      await mock.close();
    }
  });

  it('brackets an IPv6 host', async () => {
    const mock = await startMockLlm({ host: '::1' }).catch(() => null);
    if (!mock) return; // no IPv6 loopback on this machine
    try {
      expect(mock.url).toBe(`http://[::1]:${mock.port}/v1`);
      expect((await fetch(`${mock.url}/models`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
