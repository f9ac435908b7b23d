import { answerText, plainAnswer } from './answer-text';

const user = (content: string) => ({
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content },
  ],
});

describe('answers', () => {
  it('says what a "Say " prompt asks and echoes anything else, capped at 200 characters', () => {
    expect(plainAnswer(user('Say hello world'))).toBe('hello world');
    expect(plainAnswer(user('hello'))).toBe('Echo: hello');
    expect(plainAnswer(user('x'.repeat(500)))).toBe(`Echo: ${'x'.repeat(200)}`);
    expect(plainAnswer({ messages: [{ role: 'system', content: 'only system' }] })).toBe('Echo: ');
  });

  it('answers the last user message, reading text parts and leaving markers out', () => {
    const request = {
      messages: [
        { role: 'user', content: 'Say first' },
        { role: 'assistant', content: 'first' },
        {
          role: 'user',
          content: [{ type: 'text', text: 'Say second [[fail:once:500]]' }, { type: 'image_url' }],
        },
      ],
    };
    expect(plainAnswer(request)).toBe('second');
    expect(plainAnswer({ messages: [{ role: 'user', content: null }] })).toBe('Echo: ');
  });

  it('answers JSON for json_schema and json_object formats', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    expect(
      JSON.parse(
        answerText({
          ...user('Say Paris'),
          response_format: { type: 'json_schema', json_schema: { name: 'c', schema } },
        }),
      ),
    ).toEqual({
      city: 'Paris',
    });
    expect(
      JSON.parse(answerText({ ...user('Say Paris'), response_format: { type: 'json_object' } })),
    ).toEqual({ answer: 'Paris' });
    expect(answerText({ ...user('Say Paris'), response_format: { type: 'json_schema' } })).toBe('"Paris"');
    expect(answerText({ ...user('Say Paris'), response_format: { type: 'text' } })).toBe('Paris');
  });
});
