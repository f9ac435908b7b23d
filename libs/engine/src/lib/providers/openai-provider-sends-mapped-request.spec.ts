import { type RunParams } from '@gtr/domain';
import { completion, type FakeOpenAIServer, startFakeOpenAIServer } from '../../../test/fake-openai-server';
import { createOpenAIProvider } from './openai-provider';
import { usesMaxCompletionTokens } from './openai-request';

describe('OpenAIProvider sends a mapped Chat Completions request', () => {
  let server: FakeOpenAIServer;
  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const provider = () =>
    createOpenAIProvider({
      name: 'openai',
      apiKey: 'sk-test-key-123456',
      baseURL: server.baseURL,
      defaultHeaders: { 'x-team': 'gtr' },
    });
  const send = async (model: string, params: RunParams, outputSchema?: Record<string, unknown>) => {
    await provider().complete(
      {
        model,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        params,
        outputSchema,
      },
      new AbortController().signal,
    );
    return server.requests[0];
  };

  it('posts to /chat/completions with the bearer key, default headers and the messages', async () => {
    const req = await send('gpt-4o-mini', {});
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers['authorization']).toBe('Bearer sk-test-key-123456');
    expect(req.headers['x-team']).toBe('gtr');
    expect(req.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('sends temperature 0 as 0 and every sampling parameter under its API name', async () => {
    const req = await send('gpt-4o-mini', {
      temperature: 0,
      maxTokens: 50,
      topP: 0,
      seed: 0,
      stop: ['END'],
      presencePenalty: 0,
      frequencyPenalty: -1.5,
    });
    expect(req.body).toMatchObject({
      temperature: 0,
      max_tokens: 50,
      top_p: 0,
      seed: 0,
      stop: ['END'],
      presence_penalty: 0,
      frequency_penalty: -1.5,
    });
    expect(req.body).not.toHaveProperty('max_completion_tokens');
  });

  it.each([
    ['o3', true],
    ['o4-mini', true],
    ['o1', true],
    ['gpt-5', true],
    ['gpt-5-nano-2025-08-07', true],
    ['openai/gpt-5-mini', true],
    ['gpt-4o', false],
    ['gpt-4.1-mini', false],
    ['llama3.1:8b', false],
    ['omni-moderation', false],
  ])('model %s takes max_completion_tokens: %s', async (model, completionTokens) => {
    expect(usesMaxCompletionTokens(model)).toBe(completionTokens);
    const req = await send(model, { maxTokens: 64 });
    expect(req.body[completionTokens ? 'max_completion_tokens' : 'max_tokens']).toBe(64);
    expect(req.body).not.toHaveProperty(completionTokens ? 'max_tokens' : 'max_completion_tokens');
  });

  it('asks for strict structured output when the request has an output schema', async () => {
    const schema = {
      type: 'object',
      properties: { ok: { type: 'boolean' } },
      required: ['ok'],
      additionalProperties: false,
    };
    server.reply({ json: completion({ content: '{"ok":true}' }) });
    const req = await send('gpt-4o', {}, schema);
    expect(req.body['response_format']).toEqual({
      type: 'json_schema',
      json_schema: { name: 'output', schema, strict: true },
    });
  });

  it('never retries inside the SDK: one failing call is one request', async () => {
    server.reply({ status: 503, json: { error: { message: 'busy', type: 'server_error' } } });
    await expect(send('gpt-4o', {})).rejects.toMatchObject({ code: 'E_SERVER_ERROR' });
    expect(server.requests).toHaveLength(1);
  });
});
