import { isChatRequestProblem, parseChatRequest } from './chat-request';

describe('parseChatRequest', () => {
  const messages = [{ role: 'user', content: 'hi' }];

  it('accepts a request with a model and messages', () => {
    const request = parseChatRequest({ model: 'm', messages, max_tokens: 5, n: 2, temperature: 0 });
    expect(isChatRequestProblem(request)).toBe(false);
    expect(request).toMatchObject({ model: 'm', messages, max_tokens: 5, n: 2 });
  });

  it.each([
    [[], null, null],
    [{ messages }, 'model', 'missing_required_parameter'],
    [{ model: '', messages }, 'model', 'missing_required_parameter'],
    [{ model: 'm' }, 'messages', 'missing_required_parameter'],
    [{ model: 'm', messages: [] }, 'messages', 'empty_array'],
    [{ model: 'm', messages: [messages[0], { content: 'x' }] }, 'messages[1]', 'invalid_type'],
    [{ model: 'm', messages: ['x'] }, 'messages[0]', 'invalid_type'],
    [{ model: 'm', messages, max_tokens: 0 }, 'max_tokens', 'invalid_value'],
    [{ model: 'm', messages, max_completion_tokens: 1.5 }, 'max_completion_tokens', 'invalid_value'],
    [{ model: 'm', messages, n: '2' }, 'n', 'invalid_value'],
  ])('rejects %j', (body, param, code) => {
    const problem = parseChatRequest(body);
    expect(isChatRequestProblem(problem)).toBe(true);
    expect(problem).toMatchObject({ param, code });
  });

  it('accepts null limits as absent', () => {
    expect(isChatRequestProblem(parseChatRequest({ model: 'm', messages, max_tokens: null }))).toBe(false);
  });
});
