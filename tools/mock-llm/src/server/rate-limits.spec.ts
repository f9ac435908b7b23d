import OpenAI, { type APIError } from 'openai';
import { startMockLlm, type MockLlm } from '../start-mock-llm';
import { ask, postChat, rejection, sdk } from '../../test/http-helpers';

describe('rate limits', () => {
  let mock: MockLlm;
  let client: OpenAI;
  let now = 0;

  beforeAll(async () => {
    // A manual clock: every request of a step arrives at the same instant, however slow the machine.
    mock = await startMockLlm({ clock: () => now });
    client = sdk(mock);
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.reset({ options: true });
    now += 120_000;
  });

  it('enforces rpm over a minute with OpenAI headers and retry-after', async () => {
    mock.configure({ rpm: 2 });
    const first = await client.chat.completions.create(ask('Say 1')).withResponse();
    expect(first.response.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.response.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(first.response.headers.get('x-ratelimit-reset-requests')).toBe('1m0s');
    expect(first.response.headers.get('x-ratelimit-limit-tokens')).toBeNull();
    now += 1500;
    await client.chat.completions.create(ask('Say 2'));
    now += 500;

    const error = await rejection<APIError>(client.chat.completions.create(ask('Say 3')));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.error).toEqual({
      message: expect.stringContaining(
        'requests per min (RPM): Limit 2, Used 2, Requested 1. Please try again in 58s.',
      ),
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
    });
    const headers = error.headers!;
    expect(headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(headers.get('x-ratelimit-reset-requests')).toBe('59.5s');
    expect(headers.get('retry-after')).toBe('58');
    expect(headers.get('retry-after-ms')).toBe('58000');
    now += 58_000;
    await expect(client.chat.completions.create(ask('Say 3'))).resolves.toBeDefined();
    expect(mock.stats().chatCompletions).toMatchObject({ ok: 3, rateLimited: 1 });
    // 'Say 3' was sent twice (refused, then answered) but answered once.
    expect(mock.duplicates()).toHaveLength(1);
    expect(mock.stats().promptsAnsweredTwice).toBe(0);
  });

  it('quantises rpm to a second with the second window', async () => {
    mock.configure({ rpm: 120, limitWindow: 'second' });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push(await postChat(mock, ask(`Say ${i}`)));
    expect(statuses.map((response) => response.status)).toEqual([200, 200, 429]);
    const limited = statuses[2];
    // The minute view still has room: the per-second quantum is what refused it.
    expect(limited.headers.get('x-ratelimit-limit-requests')).toBe('120');
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('118');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('retry-after-ms')).toBe('1000');
    expect((await limited.json()).error).toMatchObject({
      type: 'requests',
      code: 'rate_limit_exceeded',
      message: expect.stringContaining('per sec'),
    });
    now += 1000;
    expect((await postChat(mock, ask('Say 3'))).status).toBe(200);
  });

  it('counts prompt tokens plus max_tokens (or the default) against tpm', async () => {
    mock.configure({ tpm: 1000, defaultMaxTokens: 600 });
    const first = await postChat(mock, { ...ask('Say hi'), max_tokens: 400 }); // 2 + 400 tokens
    expect(first.headers.get('x-ratelimit-remaining-tokens')).toBe('598');
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('1000');
    const second = await postChat(mock, ask('Say hi')); // 2 + 600 default
    expect(second.status).toBe(429);
    expect(second.headers.get('x-ratelimit-reset-tokens')).toBe('1m0s');
    expect(second.headers.get('retry-after-ms')).toBe('60000');
    expect((await second.json()).error).toMatchObject({
      type: 'tokens',
      code: 'rate_limit_exceeded',
      message: expect.stringContaining('Limit 1000, Used 402, Requested 602'),
    });
    const small = await postChat(mock, { ...ask('Say hi'), max_tokens: 100 });
    expect(small.status).toBe(200);
    expect(small.headers.get('x-ratelimit-remaining-tokens')).toBe('496');
  });

  it('answers every completion 429 insufficient_quota while the quota is exhausted', async () => {
    mock.configure({ quotaExhausted: true });
    const error = await rejection<APIError>(client.chat.completions.create(ask('Say hi')));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'insufficient_quota', code: 'insufficient_quota' });
    expect(error.headers?.get('retry-after')).toBeNull();
    mock.configure({ quotaExhausted: false });
    await expect(client.chat.completions.create(ask('Say hi'))).resolves.toBeDefined();
  });

  it('forgets the windows on reset', async () => {
    mock.configure({ rpm: 1 });
    expect((await postChat(mock, ask('Say a'))).status).toBe(200);
    expect((await postChat(mock, ask('Say a'))).status).toBe(429);
    mock.reset();
    expect((await postChat(mock, ask('Say a'))).status).toBe(200);
  });
});
