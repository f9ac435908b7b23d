import OpenAI, { type APIError } from 'openai';
import { startMockLlm, type MockLlm } from '../start-mock-llm';
import { adminUrl, ask, postChat, rejection, sdk } from '../../test/http-helpers';

describe('API key', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm({ apiKey: 'sk-right' });
  });
  afterAll(() => mock.close());

  it('answers the right bearer key', async () => {
    const completion = await sdk(mock, 'sk-right').chat.completions.create(ask('Say ok'));
    expect(completion.choices[0].message.content).toBe('ok');
  });

  it('refuses a wrong key with OpenAI 401 body and never echoes the key', async () => {
    const error = await rejection<APIError>(sdk(mock, 'sk-wrong-key').chat.completions.create(ask('Say ok')));
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error.error).toEqual({
      message: expect.any(String),
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
    expect(JSON.stringify(error.error)).not.toContain('sk-wrong-key');
    expect(error.requestID).toMatch(/^req_/);
  });

  it('refuses a missing, malformed or longer key and guards /v1/models too', async () => {
    mock.reset();
    expect((await postChat(mock, ask('x'))).status).toBe(401);
    expect((await postChat(mock, ask('x'), { authorization: 'Basic sk-right' })).status).toBe(401);
    expect((await postChat(mock, ask('x'), { authorization: 'Bearer sk-right-plus' })).status).toBe(401);
    expect((await postChat(mock, ask('x'), { authorization: 'bearer sk-right' })).status).toBe(200);
    expect((await fetch(`${mock.url}/models`)).status).toBe(401);
    expect(mock.stats().chatCompletions.clientErrors).toBe(3);
  });

  it('keeps the admin API open and hides the key in it', async () => {
    const config = await (await fetch(adminUrl(mock, 'config'))).json();
    expect(config.apiKey).toBe('***');
    const response = await fetch(adminUrl(mock, 'config'), {
      method: 'POST',
      body: JSON.stringify({ apiKey: null }),
    });
    expect((await response.json()).apiKey).toBeNull();
    expect((await postChat(mock, ask('Say open'))).status).toBe(200);
  });
});
