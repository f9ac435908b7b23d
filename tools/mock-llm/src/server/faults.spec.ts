import OpenAI, { type APIError } from 'openai';
import { startMockLlm, type MockLlm } from '../start-mock-llm';
import { ask, postChat, rejection, sdk, until } from '../../test/http-helpers';

describe('fault injection', () => {
  let mock: MockLlm;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await startMockLlm();
    client = sdk(mock);
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset({ options: true }));

  it.each([
    ['error500', 500, 'The server had an error'],
    ['error503', 503, 'overloaded'],
  ] as const)('failNext %s answers %d server_error once, then recovers', async (fault, status, message) => {
    mock.configure({ failNext: { [fault]: 1 } });
    const error = await rejection<APIError>(client.chat.completions.create(ask('Say hi')));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status, type: 'server_error', code: null });
    expect(error.message).toContain(message);
    expect(mock.config().failNext[fault]).toBe(0);
    await expect(client.chat.completions.create(ask('Say hi'))).resolves.toBeDefined();
    expect(mock.stats().chatCompletions).toMatchObject({ ok: 1, serverErrors: 1 });
  });

  it('fails with a probability, replayably with a seed', async () => {
    mock.configure({ faults: { error500: 1 } });
    expect((await postChat(mock, ask('x'))).status).toBe(500);
    mock.configure({ faults: { error500: 0.5 }, seed: 7 });
    const run = async () => {
      const statuses = [];
      for (let i = 0; i < 10; i += 1) statuses.push((await postChat(mock, ask(`x${i}`))).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    mock.reset();
    expect(await run()).toEqual(first);
  });

  it('hangs until the SDK times out, then counts the request as aborted', async () => {
    mock.configure({ failNext: { hang: 1 } });
    const error = await rejection(sdk(mock, 'sk', 150).chat.completions.create(ask('Say hi')));
    // A timeout subclass outside Jest; Jest's realms make the SDK see a plain connection error.
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    await until(() => mock.stats().inFlight === 0);
    expect(mock.stats().chatCompletions).toMatchObject({ aborted: 1, ok: 0 });
  });

  it('keeps hung requests in flight until each client aborts', async () => {
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const pending = controllers.map((controller) =>
      postChat(mock, ask('wait [[fail:hang]]'), {}, controller.signal).catch((e: Error) => e),
    );
    await until(() => mock.stats().inFlight === 3);
    controllers[0].abort();
    await until(() => mock.stats().inFlight === 2);
    controllers.slice(1).forEach((controller) => controller.abort());
    await until(() => mock.stats().inFlight === 0);
    expect((await Promise.all(pending)).map((result) => (result as Error).name)).toEqual([
      'AbortError',
      'AbortError',
      'AbortError',
    ]);
    expect(mock.stats()).toMatchObject({ maxInFlight: 3, chatCompletions: { aborted: 3 } });
  });

  it('stops waiting out the latency when the client leaves', async () => {
    mock.configure({ latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = postChat(mock, ask('Say slow'), {}, controller.signal).catch((e: Error) => e);
    await until(() => mock.stats().inFlight === 1);
    controller.abort();
    await pending;
    await until(() => mock.stats().inFlight === 0);
    expect(mock.stats().chatCompletions.aborted).toBe(1);
  });

  it('answers context_length_exceeded for the context marker', async () => {
    const error = await rejection<APIError>(client.chat.completions.create(ask('long [[fail:context]]')));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.error).toEqual({
      message: expect.stringContaining("This model's maximum context length is 128000 tokens"),
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    });
  });

  it('answers content_filter with null content for the filter marker, also streamed', async () => {
    const completion = await client.chat.completions.create(ask('bad [[fail:filter]]'));
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'content_filter',
      message: { content: null },
    });
    expect(completion.usage?.completion_tokens).toBe(0);

    const stream = await client.chat.completions.create({ ...ask('bad [[fail:filter]]'), stream: true });
    const reasons = [];
    for await (const chunk of stream) reasons.push(chunk.choices[0]?.finish_reason);
    expect(reasons).toEqual([null, 'content_filter']);
  });

  it('sends cut-off JSON with status 200 for malformed, also streamed', async () => {
    mock.configure({ failNext: { malformed: 2 } });
    const response = await postChat(mock, ask('Say hi'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('{"id":"chatcmpl-')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();

    const sdkLog = jest.fn();
    const quiet = new OpenAI({
      apiKey: 'sk',
      baseURL: mock.url,
      maxRetries: 0,
      logger: { error: sdkLog, warn: sdkLog, info: sdkLog, debug: sdkLog },
    });
    const stream = await quiet.chat.completions.create({ ...ask('Say hi'), stream: true });
    const consume = async () => {
      for await (const chunk of stream) expect(chunk.object).toBe('chat.completion.chunk');
    };
    await expect(consume()).rejects.toThrow();
    expect(sdkLog).toHaveBeenCalledWith(
      'Could not parse message into JSON:',
      expect.stringMatching(/^\{"id":"chatcmpl-/),
    );
    expect(mock.stats().chatCompletions.ok).toBe(2);
  });

  it('lets the SDK fail on a malformed body', async () => {
    const error = await rejection(client.chat.completions.create(ask('Say hi [[fail:malformed]]')));
    expect((error as Error).name).toBe('SyntaxError');
  });

  it('answers an injected 429 with the configured retry-after, and a quota marker with insufficient_quota', async () => {
    mock.configure({ faultRetryAfterMs: 1500 });
    const limited = await rejection<APIError>(client.chat.completions.create(ask('x [[fail:429]]')));
    expect(limited).toMatchObject({ status: 429, type: 'requests', code: 'rate_limit_exceeded' });
    expect(limited.headers?.get('retry-after')).toBe('2');
    expect(limited.headers?.get('retry-after-ms')).toBe('1500');
    const quota = await rejection<APIError>(client.chat.completions.create(ask('x [[fail:quota]]')));
    expect(quota).toMatchObject({ status: 429, type: 'insufficient_quota', code: 'insufficient_quota' });
    expect(mock.stats().chatCompletions.rateLimited).toBe(2);
  });

  it('fails a once marker the first time that exact prompt is seen only', async () => {
    const prompt = 'Say recovered [[fail:once:500]]';
    expect((await postChat(mock, ask(prompt))).status).toBe(500);
    const retry = await client.chat.completions.create(ask(prompt));
    expect(retry.choices[0].message.content).toBe('recovered');
    expect((await postChat(mock, ask(`${prompt} again`))).status).toBe(500);
    expect(mock.duplicates()).toHaveLength(1);
    mock.reset();
    expect((await postChat(mock, ask(prompt))).status).toBe(500);
  });

  it('fails an Nx marker N times, and finds markers in any user message', async () => {
    const body = {
      model: 'm',
      messages: [
        { role: 'system', content: '[[fail:500]] is ignored outside user messages' },
        { role: 'user', content: 'first [[fail:2x:503]]' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'Say done' },
      ],
    };
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await postChat(mock, body)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('ends hung requests when the mock closes', async () => {
    const own = await startMockLlm({ failNext: { hang: 1 } });
    const pending = postChat(own, ask('x')).catch((e: Error) => e);
    await until(() => own.stats().inFlight === 1);
    await own.close();
    expect(((await pending) as Error).message).toBe('fetch failed');
    await expect(own.close()).resolves.toBeUndefined();
  });
});
