import { fitAnswer, FILTERED_CHOICE } from './completion-choice';
import { estimatePromptTokens, estimateTokens } from './token-estimate';

describe('token estimates and fitting', () => {
  it('counts about four characters a token, at least one', () => {
    expect(estimateTokens('')).toBe(1);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
    expect(
      estimatePromptTokens([
        { role: 'system', content: 'abcd' },
        { role: 'user', content: [{ type: 'text', text: 'efgh' }] },
      ]),
    ).toBe(2);
    expect(estimatePromptTokens([{ role: 'user', content: '' }])).toBe(1);
  });

  it('keeps an answer that fits and cuts one that does not', () => {
    expect(fitAnswer('hello world', null)).toEqual({
      content: 'hello world',
      finishReason: 'stop',
      completionTokens: 3,
    });
    expect(fitAnswer('hello world', 3)).toEqual({
      content: 'hello world',
      finishReason: 'stop',
      completionTokens: 3,
    });
    expect(fitAnswer('hello world', 2)).toEqual({
      content: 'hello wo',
      finishReason: 'length',
      completionTokens: 2,
    });
    expect(FILTERED_CHOICE).toEqual({ content: null, finishReason: 'content_filter', completionTokens: 0 });
  });
});
