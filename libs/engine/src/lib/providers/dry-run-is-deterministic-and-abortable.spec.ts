import { type CompletionRequest } from '../provider/provider';
import { createDryRunProvider, DryRunProvider } from './dry-run-provider';
import { estimateTokens } from './estimate-tokens';

const signal = () => new AbortController().signal;
const request = (overrides: Partial<CompletionRequest> = {}): CompletionRequest => ({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'first question' },
    { role: 'assistant', content: 'an answer' },
    { role: 'user', content: 'Summarise the following text in one line: ' + 'lorem ipsum '.repeat(20) },
  ],
  params: {},
  ...overrides,
});

describe('the dry-run provider is deterministic, free and abortable', () => {
  it('answers with the model and the first 80 characters of the last user message', async () => {
    const result = await createDryRunProvider().complete(request(), signal());
    const last = request().messages[3].content;
    expect(result.text).toBe(`[dry-run] gpt-4o-mini: ${last.slice(0, 80)}`);
    expect(result).toMatchObject({ finishReason: 'stop', httpStatus: 200, rateLimit: null });
    expect(result).not.toHaveProperty('json');
  });

  it('gives the same answer, usage and request id for the same request, and another id for another request', async () => {
    const provider = createDryRunProvider();
    const [a, b] = await Promise.all([
      provider.complete(request(), signal()),
      new DryRunProvider().complete(request(), signal()),
    ]);
    expect(a).toEqual(b);
    expect(a.providerRequestId).toMatch(/^dry-run-[0-9a-f]{8}$/);
    const other = await provider.complete(request({ model: 'gpt-5' }), signal());
    expect(other.providerRequestId).not.toBe(a.providerRequestId);
  });

  it('estimates usage as ceil(chars / 4) per message and for the answer', async () => {
    const req = request();
    const result = await createDryRunProvider().complete(req, signal());
    const promptTokens = req.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
    const completionTokens = Math.ceil(result.text!.length / 4);
    expect(result.usage).toEqual({
      promptTokens,
      completionTokens,
      totalTokens: promptTokens + completionTokens,
      cachedTokens: 0,
    });
  });

  it.each([
    ['', 0],
    ['abc', 1],
    ['abcd', 1],
    ['abcde', 2],
    ['x'.repeat(400), 100],
  ])('estimateTokens(%j) = %i', (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });

  it('echoes the last message when there is no user message', async () => {
    const result = await createDryRunProvider().complete(
      request({ messages: [{ role: 'system', content: 'only system' }] }),
      signal(),
    );
    expect(result.text).toBe('[dry-run] gpt-4o-mini: only system');
  });

  it('cuts the answer at maxTokens and reports finishReason length', async () => {
    const result = await createDryRunProvider().complete(request({ params: { maxTokens: 3 } }), signal());
    expect(result.text).toBe('[dry-run] gp');
    expect(result.finishReason).toBe('length');
    expect(result.usage.completionTokens).toBe(3);
  });

  it('answers an output schema with a JSON value that satisfies it, as text and json', async () => {
    const outputSchema = {
      type: 'object',
      properties: {
        title: { type: 'string', maxLength: 20 },
        score: { type: 'integer', minimum: 1, maximum: 5 },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['title', 'score', 'tags'],
      additionalProperties: false,
    };
    const result = await createDryRunProvider().complete(
      request({ outputSchema, params: { maxTokens: 1 } }),
      signal(),
    );
    const echo = `[dry-run] gpt-4o-mini: ${request().messages[3].content.slice(0, 80)}`;
    expect(result.json).toEqual({ title: echo.slice(0, 20), score: 1, tags: [echo] });
    expect(JSON.parse(result.text!)).toEqual(result.json);
    expect(result.finishReason).toBe('stop');
  });

  it('is named dry-run and free unless configured with another name', () => {
    expect(createDryRunProvider()).toMatchObject({ name: 'dry-run', free: true });
    expect(createDryRunProvider({ name: 'local' }).name).toBe('local');
  });

  it('rejects with E_CANCELLED when the signal is already aborted', async () => {
    await expect(createDryRunProvider().complete(request(), AbortSignal.abort())).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'E_CANCELLED',
    });
  });

  describe('with simulated latency', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('answers only after the latency has passed', async () => {
      let settled = false;
      const call = createDryRunProvider({ latencyMs: 500 })
        .complete(request(), signal())
        .finally(() => (settled = true));
      await jest.advanceTimersByTimeAsync(499);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await expect(call).resolves.toMatchObject({ finishReason: 'stop' });
    });

    it('stops waiting with E_CANCELLED when the signal aborts during the latency', async () => {
      const controller = new AbortController();
      const call = createDryRunProvider({ latencyMs: 10_000 }).complete(request(), controller.signal);
      await jest.advanceTimersByTimeAsync(100);
      controller.abort();
      await expect(call).rejects.toMatchObject({ code: 'E_CANCELLED' });
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
