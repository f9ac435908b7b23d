import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import {
  type FakeOpenAIServer,
  type FakeReply,
  startFakeOpenAIServer,
} from '../../../test/fake-openai-server';
import { ProviderError } from '../errors/provider-error';
import { type CompletionRequest } from '../provider/provider';
import { createOpenAIProvider } from './openai-provider';

const API_KEY = 'sk-proj-SECRETsecret1234567890';
const request: CompletionRequest = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hi' }],
  params: {},
};
const errorBody = (type: string, code: string | null, message = 'failed') => ({
  error: { message, type, code, param: null },
});

describe('OpenAIProvider classifies failed calls', () => {
  let server: FakeOpenAIServer;
  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());

  const provider = (options: { baseURL?: string; timeoutMs?: number } = {}) =>
    createOpenAIProvider({
      name: 'openai',
      apiKey: API_KEY,
      baseURL: options.baseURL ?? server.baseURL,
      timeoutMs: options.timeoutMs,
    });
  const failure = async (reply: FakeReply): Promise<ProviderError> => {
    server.reply(reply);
    const error = await provider()
      .complete(request, new AbortController().signal)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  };

  it.each<[string, string, boolean, FakeReply]>([
    [
      '429 rate limit',
      'E_RATE_LIMIT',
      true,
      { status: 429, json: errorBody('requests', 'rate_limit_exceeded') },
    ],
    [
      '429 insufficient quota',
      'E_QUOTA',
      false,
      { status: 429, json: errorBody('insufficient_quota', 'insufficient_quota') },
    ],
    [
      '401 bad key',
      'E_AUTH',
      false,
      { status: 401, json: errorBody('invalid_request_error', 'invalid_api_key') },
    ],
    [
      '403 region not allowed',
      'E_AUTH',
      false,
      { status: 403, json: errorBody('invalid_request_error', 'unsupported_country_region_territory') },
    ],
    [
      '400 context too long',
      'E_CONTEXT_LENGTH',
      false,
      { status: 400, json: errorBody('invalid_request_error', 'context_length_exceeded') },
    ],
    [
      '400 content policy',
      'E_CONTENT_FILTER',
      false,
      { status: 400, json: errorBody('invalid_request_error', 'content_policy_violation') },
    ],
    [
      '400 bad parameter',
      'E_INPUT',
      false,
      { status: 400, json: errorBody('invalid_request_error', 'invalid_value') },
    ],
    [
      '404 unknown model',
      'E_INPUT',
      false,
      { status: 404, json: errorBody('invalid_request_error', 'model_not_found') },
    ],
    ['500 server error', 'E_SERVER_ERROR', true, { status: 500, json: errorBody('server_error', null) }],
    [
      '503 HTML page from a proxy',
      'E_SERVER_ERROR',
      true,
      { status: 503, raw: '<html>busy</html>', headers: { 'content-type': 'text/html' } },
    ],
    ['200 with a malformed JSON body', 'E_SERVER_ERROR', true, { status: 200, raw: '{"choices": [' }],
  ])('%s → %s (retryable: %s)', async (_scenario, code, retryable, reply) => {
    const error = await failure(reply);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('keeps the HTTP status, provider code and type, request id and retry-after of an error answer', async () => {
    const error = await failure({
      status: 429,
      headers: {
        'retry-after-ms': '1500',
        'x-request-id': 'req_429',
        'x-ratelimit-remaining-tokens': '0',
        'x-ratelimit-reset-tokens': '20s',
      },
      json: errorBody('tokens', 'rate_limit_exceeded'),
    });
    expect(error).toMatchObject({
      code: 'E_RATE_LIMIT',
      httpStatus: 429,
      providerCode: 'rate_limit_exceeded',
      providerType: 'tokens',
      providerRequestId: 'req_429',
      retryAfterMs: 1500,
    });
    expect(error.rateLimit).toMatchObject({ remainingTokens: 0, resetTokensMs: 20_000 });
  });

  it('never puts the API key in the error, even when the provider echoes it', async () => {
    const error = await failure({
      status: 401,
      json: errorBody(
        'invalid_request_error',
        'invalid_api_key',
        `Incorrect API key provided: ${API_KEY}. Header was Bearer ${API_KEY}`,
      ),
    });
    expect(error.code).toBe('E_AUTH');
    expect(error.message).toContain('Incorrect API key provided');
    expect(error.message).not.toContain('SECRET');
    expect(JSON.stringify(error)).not.toContain('SECRET');
    expect(String(error.stack)).not.toContain('SECRET');
  });

  it('does not expose the API key through the provider object', () => {
    const p = provider();
    expect(JSON.stringify(p)).not.toContain('SECRET');
    expect(require('node:util').inspect(p, { depth: 5 })).not.toContain('SECRET');
  });

  it('maps a refused connection to E_NETWORK', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      provider({ baseURL: `http://127.0.0.1:${port}/v1` }).complete(request, new AbortController().signal),
    ).rejects.toMatchObject({
      code: 'E_NETWORK',
      httpStatus: null,
    });
  });

  it('stops waiting and rejects with E_CANCELLED when the signal aborts mid-call', async () => {
    server.reply({ hang: true });
    const controller = new AbortController();
    const call = provider().complete(request, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ code: 'E_CANCELLED' });
  });

  it('rejects at once with E_CANCELLED when the signal is already aborted', async () => {
    const before = server.requests.length;
    await expect(provider().complete(request, AbortSignal.abort())).rejects.toMatchObject({
      code: 'E_CANCELLED',
    });
    expect(server.requests).toHaveLength(before);
  });

  it('maps its own HTTP timeout backstop to E_TIMEOUT', async () => {
    server.reply({ hang: true });
    await expect(
      provider({ timeoutMs: 30 }).complete(request, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'E_TIMEOUT' });
  });
});
