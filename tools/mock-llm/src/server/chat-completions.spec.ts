import OpenAI, { type APIError } from 'openai';
import { promptFingerprint } from '../completions/prompt-fingerprint';
import { startMockLlm, type MockLlm } from '../start-mock-llm';
import { ask, postChat, rejection, sdk } from '../../test/http-helpers';

describe('chat completions through the openai SDK', () => {
  let mock: MockLlm;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await startMockLlm();
    client = sdk(mock);
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset({ options: true }));

  it('answers a "Say" prompt with its rest, with usage, ids and headers', async () => {
    const { data, response } = await client.chat.completions
      .create({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'Say hello world' },
        ],
      })
      .withResponse();
    expect(data.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'hello world', refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ]);
    expect(data.id).toMatch(/^chatcmpl-[A-Za-z0-9_-]{29}$/);
    expect(data.object).toBe('chat.completion');
    expect(data.model).toBe('gpt-4o-mini');
    expect(Math.abs(data.created - Date.now() / 1000)).toBeLessThan(60);
    // 14 + 15 characters of messages -> 8 tokens; "hello world" -> 3.
    expect(data.usage).toMatchObject({
      prompt_tokens: 8,
      completion_tokens: 3,
      total_tokens: 11,
      prompt_tokens_details: { cached_tokens: 0 },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('x-ratelimit-limit-requests')).toBeNull();
  });

  it('echoes other prompts deterministically', async () => {
    const first = await client.chat.completions.create(ask('What is the capital of France?'));
    const second = await client.chat.completions.create(ask('What is the capital of France?'));
    expect(first.choices[0].message.content).toBe('Echo: What is the capital of France?');
    expect(second.choices[0].message.content).toBe(first.choices[0].message.content);
    expect(second.id).not.toBe(first.id);
    expect(mock.stats().promptCounts).toEqual({
      [promptFingerprint([{ role: 'user', content: 'What is the capital of France?' }])]: 2,
    });
  });

  it('returns JSON satisfying a json_schema response format', async () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        population: { type: 'integer' },
        capital: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['city', 'population', 'capital', 'tags'],
      additionalProperties: false,
    };
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say Paris' }],
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
    });
    expect(JSON.parse(completion.choices[0].message.content ?? '')).toEqual({
      city: 'Paris',
      population: 5,
      capital: true,
      tags: ['Paris'],
    });
  });

  it('cuts an answer longer than max_tokens or max_completion_tokens with finish_reason length', async () => {
    const long = 'Say ' + 'word '.repeat(40);
    const byMaxTokens = await client.chat.completions.create({ ...ask(long), max_tokens: 5 });
    expect(byMaxTokens.choices[0]).toMatchObject({
      finish_reason: 'length',
      message: { content: 'word word word word ' },
    });
    expect(byMaxTokens.usage?.completion_tokens).toBe(5);
    const byCompletionTokens = await client.chat.completions.create({
      ...ask(long),
      max_completion_tokens: 2,
    });
    expect(byCompletionTokens.choices[0]).toMatchObject({
      finish_reason: 'length',
      message: { content: 'word wor' },
    });
    const roomy = await client.chat.completions.create({ ...ask('Say hi'), max_tokens: 50 });
    expect(roomy.choices[0].finish_reason).toBe('stop');
  });

  it('answers n choices and bills each', async () => {
    const completion = await client.chat.completions.create({ ...ask('Say abcdefgh'), n: 3 });
    expect(completion.choices.map((choice) => [choice.index, choice.message.content])).toEqual([
      [0, 'abcdefgh'],
      [1, 'abcdefgh'],
      [2, 'abcdefgh'],
    ]);
    expect(completion.usage?.completion_tokens).toBe(6);
  });

  it('streams word chunks and a final usage chunk when asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say one two three' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('one two three');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content)).toEqual([
      '',
      'one ',
      'two ',
      'three',
      undefined,
      undefined,
    ]);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks[4].choices[0].finish_reason).toBe('stop');
    expect(chunks.slice(0, 5).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks[5]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
    });
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(mock.stats().chatCompletions.ok).toBe(1);
  });

  it('streams without usage unless include_usage is set', async () => {
    const stream = await client.chat.completions.create({ ...ask('Say hi'), stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
  });

  it('lists and retrieves the configured models', async () => {
    mock.configure({ models: ['m-1', 'm-2'] });
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['m-1', 'm-2']);
    expect(await client.models.retrieve('m-2')).toMatchObject({ id: 'm-2', object: 'model' });
    const missing = await rejection<APIError>(client.models.retrieve('gpt-9'));
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect(missing.code).toBe('model_not_found');
  });

  it('rejects a prompt larger than the context window as context_length_exceeded', async () => {
    mock.configure({ contextWindowTokens: 10 });
    const error = await rejection<APIError>(
      client.chat.completions.create({ ...ask('x'.repeat(40)), max_tokens: 5 }),
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      code: 'context_length_exceeded',
      type: 'invalid_request_error',
      param: 'messages',
    });
    expect(error.message).toContain(
      'maximum context length is 10 tokens. However, you requested 15 tokens (10 in the messages, 5 in the completion)',
    );
    expect(mock.stats().chatCompletions.clientErrors).toBe(1);
  });

  it('answers bad requests with OpenAI error bodies', async () => {
    const missing = await rejection<APIError>(
      client.chat.completions.create({
        model: 'gpt-4o-mini',
      } as OpenAI.ChatCompletionCreateParamsNonStreaming),
    );
    expect(missing).toMatchObject({ status: 400, param: 'messages', code: 'missing_required_parameter' });

    const broken = await postChat(mock, '{"model": ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatchObject({
      type: 'invalid_request_error',
      param: null,
      code: null,
    });

    const unknown = await fetch(`${mock.url}/completions`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({
      code: 'unknown_url',
      message: 'Unknown request URL: POST /v1/completions.',
    });
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await postChat(mock, ask('x'.repeat(17 * 1024 * 1024)));
    expect(response.status).toBe(413);
  });
});
