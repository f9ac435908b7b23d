import { completion, type FakeOpenAIServer, startFakeOpenAIServer } from '../../../test/fake-openai-server';
import { type CompletionRequest } from '../provider/provider';
import { createOpenAIProvider } from './openai-provider';

describe('OpenAIProvider reads the answer, its headers and usage', () => {
  let server: FakeOpenAIServer;
  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());

  const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
  const request = (outputSchema?: Record<string, unknown>): CompletionRequest => ({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Where?' }],
    params: {},
    outputSchema,
  });
  const complete = (outputSchema?: Record<string, unknown>) =>
    createOpenAIProvider({ name: 'openai', apiKey: 'sk-test-key-123456', baseURL: server.baseURL }).complete(
      request(outputSchema),
      new AbortController().signal,
    );

  it('returns text, finish reason, usage with cached tokens, status, request id and rate-limit state', async () => {
    server.reply({
      headers: {
        'x-request-id': 'req_abc',
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-limit-tokens': '30000',
        'x-ratelimit-remaining-requests': '499',
        'x-ratelimit-remaining-tokens': '29950',
        'x-ratelimit-reset-requests': '120ms',
        'x-ratelimit-reset-tokens': '6m0s',
      },
      json: completion({ content: 'Paris' }),
    });
    await expect(complete()).resolves.toEqual({
      text: 'Paris',
      usage: { promptTokens: 12, completionTokens: 3, totalTokens: 15, cachedTokens: 8 },
      finishReason: 'stop',
      providerRequestId: 'req_abc',
      httpStatus: 200,
      rateLimit: {
        limitRequests: 500,
        limitTokens: 30000,
        remainingRequests: 499,
        remainingTokens: 29950,
        resetRequestsMs: 120,
        resetTokensMs: 360_000,
      },
    });
  });

  it('reports zero usage and no rate-limit state when a compatible server sends neither', async () => {
    server.reply({ json: { choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] } });
    const result = await complete();
    expect(result.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0, cachedTokens: 0 });
    expect(result.rateLimit).toBeNull();
    expect(result.providerRequestId).toBeNull();
  });

  it('parses structured output into json', async () => {
    server.reply({ json: completion({ content: '{"city":"Paris"}' }) });
    const result = await complete(schema);
    expect(result.json).toEqual({ city: 'Paris' });
    expect(result.text).toBe('{"city":"Paris"}');
  });

  it('surfaces a length cut-off as the finish reason', async () => {
    server.reply({ json: completion({ content: 'Par', finishReason: 'length' }) });
    await expect(complete()).resolves.toMatchObject({ text: 'Par', finishReason: 'length' });
  });

  it('surfaces content_filter when some content came back', async () => {
    server.reply({ json: completion({ content: 'partial', finishReason: 'content_filter' }) });
    await expect(complete()).resolves.toMatchObject({ text: 'partial', finishReason: 'content_filter' });
  });

  it.each([
    [
      'structured output that is not JSON',
      'E_OUTPUT_INVALID',
      completion({ content: '{"city": Par' }),
      schema,
    ],
    [
      'structured output cut off by max tokens',
      'E_OUTPUT_INVALID',
      completion({ content: '{"city":"Pa', finishReason: 'length' }),
      schema,
    ],
    ['structured output with no content', 'E_OUTPUT_INVALID', completion({ content: null }), schema],
    [
      'a filtered answer with no content',
      'E_CONTENT_FILTER',
      completion({ content: null, finishReason: 'content_filter' }),
      undefined,
    ],
    [
      'a refusal with no content',
      'E_CONTENT_FILTER',
      completion({ content: null, refusal: 'I cannot help with that.' }),
      schema,
    ],
    ['a body without choices', 'E_SERVER_ERROR', { id: 'x', choices: [] }, undefined],
    ['a body that is not an object', 'E_SERVER_ERROR', 'oops', undefined],
  ])('rejects %s with %s, keeping status and request id', async (_scenario, code, json, outputSchema) => {
    server.reply({ headers: { 'x-request-id': 'req_bad' }, json });
    await expect(complete(outputSchema)).rejects.toMatchObject({
      name: 'ProviderError',
      code,
      httpStatus: 200,
      providerRequestId: 'req_bad',
    });
  });

  it('says when invalid structured output was cut off by max tokens', async () => {
    server.reply({ json: completion({ content: '{"city":"Pa', finishReason: 'length' }) });
    await expect(complete(schema)).rejects.toThrow(/max tokens/);
  });
});
