import { MAX_PROMPT_CHARS } from '../run-request';
import { parseOrThrow } from '../validation';
import { createTaskSchema, taskDefinitionOf } from './create-task-request';

const fieldsOf = (input: unknown): string[] => {
  const result = createTaskSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('the create task request schema', () => {
  it('accepts the prompt shorthand and builds the first version from it', () => {
    const body = parseOrThrow(createTaskSchema, {
      name: 'summarise',
      prompt: 'Summarise {{text}}',
      system: 'Answer in {{lang}}.',
      params: { temperature: 0 },
      tags: ['nlp', 'nlp', 'eu'],
    });
    expect(taskDefinitionOf(body)).toEqual({
      description: null,
      messages: [
        { role: 'system', content: 'Answer in {{lang}}.' },
        { role: 'user', content: 'Summarise {{text}}' },
      ],
      provider: null,
      model: null,
      params: { temperature: 0 },
      outputSchema: null,
      retryPolicy: {},
      timeoutMs: null,
      tags: ['nlp', 'eu'],
    });
  });

  it('accepts every field with messages', () => {
    const body = parseOrThrow(createTaskSchema, {
      name: 'extract.v2_a-b',
      description: 'Pulls fields out',
      messages: [
        { role: 'system', content: 'Be exact.' },
        { role: 'user', content: '{{doc}}' },
      ],
      provider: 'dry-run',
      model: 'gpt-4o-mini',
      params: { maxTokens: 100, stop: ['END'] },
      outputSchema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      retryPolicy: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 },
      timeoutMs: 20_000,
      tags: [],
    });
    expect(taskDefinitionOf(body)).toMatchObject({
      description: 'Pulls fields out',
      provider: 'dry-run',
      retryPolicy: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 },
      timeoutMs: 20_000,
    });
  });

  it.each<[string, unknown, string[]]>([
    ['no template', { name: 'a' }, ['prompt']],
    [
      'prompt and messages',
      { name: 'a', prompt: 'x', messages: [{ role: 'user', content: 'y' }] },
      ['messages'],
    ],
    [
      'system with messages',
      { name: 'a', system: 's', messages: [{ role: 'user', content: 'y' }] },
      ['system'],
    ],
    ['an uppercase name', { name: 'Summarise', prompt: 'x' }, ['name']],
    ['a name starting with a dot', { name: '.x', prompt: 'x' }, ['name']],
    ['a 101-character name', { name: 'a'.repeat(101), prompt: 'x' }, ['name']],
    ['a name with a slash', { name: 'a/b', prompt: 'x' }, ['name']],
    ['an unclosed placeholder in the prompt', { name: 'a', prompt: 'Hi {{name' }, ['prompt']],
    ['a bad placeholder in the system prompt', { name: 'a', prompt: 'x', system: '{{ 1x }}' }, ['system']],
    [
      'a bad placeholder in a message',
      {
        name: 'a',
        messages: [
          { role: 'user', content: 'ok' },
          { role: 'user', content: '{{}}' },
        ],
      },
      ['messages.1.content'],
    ],
    ['an empty message', { name: 'a', messages: [{ role: 'user', content: '' }] }, ['messages.0.content']],
    ['temperature 3', { name: 'a', prompt: 'x', params: { temperature: 3 } }, ['params.temperature']],
    ['an unknown param', { name: 'a', prompt: 'x', params: { max_tokens: 3 } }, ['params']],
    [
      'an output schema that is not an object',
      { name: 'a', prompt: 'x', outputSchema: [] },
      ['outputSchema'],
    ],
    [
      'an output schema with a bad nested type',
      { name: 'a', prompt: 'x', outputSchema: { type: 'object', properties: { age: { type: 'int' } } } },
      ['outputSchema.properties.age.type'],
    ],
    [
      'maxAttempts 21',
      { name: 'a', prompt: 'x', retryPolicy: { maxAttempts: 21 } },
      ['retryPolicy.maxAttempts'],
    ],
    [
      'maxAttempts 0',
      { name: 'a', prompt: 'x', retryPolicy: { maxAttempts: 0 } },
      ['retryPolicy.maxAttempts'],
    ],
    [
      'a base delay above the max delay',
      { name: 'a', prompt: 'x', retryPolicy: { baseDelayMs: 5, maxDelayMs: 1 } },
      ['retryPolicy.maxDelayMs'],
    ],
    ['an unknown retry field', { name: 'a', prompt: 'x', retryPolicy: { attempts: 2 } }, ['retryPolicy']],
    ['timeout 0', { name: 'a', prompt: 'x', timeoutMs: 0 }, ['timeoutMs']],
    ['a fractional timeout', { name: 'a', prompt: 'x', timeoutMs: 1.5 }, ['timeoutMs']],
    ['a tag with a comma', { name: 'a', prompt: 'x', tags: ['a,b'] }, ['tags.0']],
    ['21 tags', { name: 'a', prompt: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['tags']],
    ['a long description', { name: 'a', prompt: 'x', description: 'd'.repeat(2001) }, ['description']],
    ['an unknown field', { name: 'a', prompt: 'x', input: {} }, ['']],
  ])('rejects %s, naming %j', (_what, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('counts prompt and system against the size limit', () => {
    const half = 'x'.repeat(MAX_PROMPT_CHARS / 2);
    expect(fieldsOf({ name: 'a', prompt: half, system: half })).toEqual([]);
    expect(fieldsOf({ name: 'a', prompt: half, system: `${half}x` })).toEqual(['prompt']);
    expect(
      fieldsOf({
        name: 'a',
        messages: [
          { role: 'user', content: half },
          { role: 'user', content: `${half}x` },
        ],
      }),
    ).toEqual(['messages']);
  });
});
