import { createRunSchema, MAX_PROMPT_CHARS, messagesOf, runParamsSchema } from './run-request';
import { parseOrThrow } from './validation';
import { GtrError } from './gtr-error';

const issuesOf = (input: unknown) => {
  const result = createRunSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
};
const fieldsOf = (input: unknown) => issuesOf(input).map((i) => i.field);

describe('the run request schema', () => {
  it('accepts temperature 0 and keeps it as 0', () => {
    const body = parseOrThrow(createRunSchema, {
      prompt: 'Hi',
      params: { temperature: 0, topP: 0, seed: 0, presencePenalty: 0 },
    });
    expect(body.params).toEqual({ temperature: 0, topP: 0, seed: 0, presencePenalty: 0 });
  });

  it('leaves absent params absent rather than defaulting them', () => {
    expect(parseOrThrow(createRunSchema, { prompt: 'Hi', params: {} }).params).toEqual({});
    expect(parseOrThrow(createRunSchema, { prompt: 'Hi' })).not.toHaveProperty('params');
  });

  it('rejects temperature 5, naming temperature', () => {
    expect(fieldsOf({ prompt: 'Hi', params: { temperature: 5 } })).toEqual(['params.temperature']);
    expect(() => parseOrThrow(createRunSchema, { prompt: 'Hi', params: { temperature: 5 } })).toThrow(
      /params\.temperature/,
    );
  });

  it('rejects a 2 MB prompt, naming prompt and the limit', () => {
    const issues = issuesOf({ prompt: 'x'.repeat(2_000_000) });
    expect(issues).toEqual([
      { field: 'prompt', message: `is 2000000 characters; the limit is ${MAX_PROMPT_CHARS}` },
    ]);
  });

  it('counts the system prompt and every message against the size limit', () => {
    const half = 'x'.repeat(MAX_PROMPT_CHARS / 2);
    expect(fieldsOf({ prompt: half, system: half })).toEqual([]);
    expect(fieldsOf({ prompt: half, system: half + 'x' })).toEqual(['prompt']);
    expect(
      fieldsOf({
        messages: [
          { role: 'user', content: half },
          { role: 'assistant', content: half + 'x' },
        ],
      }),
    ).toEqual(['messages']);
  });

  it.each<[string, unknown, string]>([
    ['temperature as a string', { prompt: 'Hi', params: { temperature: '0.5' } }, 'params.temperature'],
    ['maxTokens as a fraction', { prompt: 'Hi', params: { maxTokens: 1.5 } }, 'params.maxTokens'],
    ['maxTokens 0', { prompt: 'Hi', params: { maxTokens: 0 } }, 'params.maxTokens'],
    ['topP above 1', { prompt: 'Hi', params: { topP: 1.1 } }, 'params.topP'],
    ['five stop sequences', { prompt: 'Hi', params: { stop: ['a', 'b', 'c', 'd', 'e'] } }, 'params.stop'],
    ['an empty stop sequence', { prompt: 'Hi', params: { stop: '' } }, 'params.stop'],
    ['penalty below -2', { prompt: 'Hi', params: { frequencyPenalty: -2.5 } }, 'params.frequencyPenalty'],
    ['prompt as a number', { prompt: 42 }, 'prompt'],
    ['an empty prompt', { prompt: '' }, 'prompt'],
    ['messages as an object', { messages: { role: 'user', content: 'Hi' } }, 'messages'],
    ['an empty messages list', { messages: [] }, 'messages'],
    ['an unknown role', { messages: [{ role: 'tool', content: 'Hi' }] }, 'messages.0.role'],
    ['an empty message', { messages: [{ role: 'user', content: '' }] }, 'messages.0.content'],
    ['metadata as a list', { prompt: 'Hi', metadata: ['a'] }, 'metadata'],
    ['a 201-character model', { prompt: 'Hi', model: 'm'.repeat(201) }, 'model'],
    ['neither prompt nor messages', {}, 'prompt'],
    [
      'prompt and messages together',
      { prompt: 'Hi', messages: [{ role: 'user', content: 'Hi' }] },
      'messages',
    ],
    ['system with messages', { system: 'S', messages: [{ role: 'user', content: 'Hi' }] }, 'system'],
  ])('rejects %s, naming %s', (_what, input, field) => {
    expect(fieldsOf(input)).toEqual([field]);
  });

  it.each<[string, unknown, string]>([
    ['at the top level', { prompt: 'Hi', temprature: 0 }, 'temprature'],
    ['in params', { prompt: 'Hi', params: { max_tokens: 5 } }, 'max_tokens'],
  ])('rejects an unknown field %s, naming it', (_where, input, key) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain(key);
  });

  it('turns a bad request into E_VALIDATION naming every field', () => {
    let error: unknown;
    try {
      parseOrThrow(createRunSchema, { prompt: 'Hi', params: { temperature: 5, topP: 2 } }, 'run');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({
      code: 'E_VALIDATION',
      issues: [{ field: 'params.temperature' }, { field: 'params.topP' }],
    });
    expect((error as GtrError).message).toMatch(/^Invalid run: params\.temperature .* \(and 1 more\)$/);
  });

  it('accepts stop as one string or up to four', () => {
    expect(runParamsSchema.safeParse({ stop: 'END' }).success).toBe(true);
    expect(runParamsSchema.safeParse({ stop: ['a', 'b', 'c', 'd'] }).success).toBe(true);
  });

  it.each([
    [{ prompt: 'Hi' }, [{ role: 'user', content: 'Hi' }]],
    [
      { prompt: 'Hi', system: 'Be brief.' },
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    ],
    [
      {
        messages: [
          { role: 'assistant', content: 'A' },
          { role: 'user', content: 'B' },
        ],
      },
      [
        { role: 'assistant', content: 'A' },
        { role: 'user', content: 'B' },
      ],
    ],
  ])('messagesOf(%j) gives the messages to send', (input, expected) => {
    expect(messagesOf(parseOrThrow(createRunSchema, input))).toEqual(expected);
  });
});
