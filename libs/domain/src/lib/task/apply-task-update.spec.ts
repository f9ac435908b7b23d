import { GtrError } from '../gtr-error';
import { parseOrThrow } from '../validation';
import { applyTaskUpdate } from './apply-task-update';
import { type TaskDefinition } from './task-definition';
import { updateTaskSchema } from './update-task-request';

const base: TaskDefinition = {
  description: 'first',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Summarise {{text}}' },
  ],
  provider: 'dry-run',
  model: 'm1',
  params: { temperature: 0, maxTokens: 100 },
  outputSchema: { type: 'object' },
  retryPolicy: { maxAttempts: 3, maxDelayMs: 1000 },
  timeoutMs: 5000,
  tags: ['a'],
};

const update = (current: TaskDefinition, body: unknown) =>
  applyTaskUpdate(current, parseOrThrow(updateTaskSchema, body));

describe('applyTaskUpdate', () => {
  it('changes only the given fields', () => {
    expect(update(base, { model: 'm2', tags: ['b', 'c'] })).toEqual({
      ...base,
      model: 'm2',
      tags: ['b', 'c'],
    });
  });

  it('clears optional fields given as null', () => {
    expect(
      update(base, {
        description: null,
        provider: null,
        model: null,
        outputSchema: null,
        timeoutMs: null,
        retryPolicy: null,
        params: null,
      }),
    ).toEqual({
      ...base,
      description: null,
      provider: null,
      model: null,
      outputSchema: null,
      timeoutMs: null,
      retryPolicy: {},
      params: {},
    });
  });

  it('merges params and the retry policy key by key; null removes a key; 0 stays 0', () => {
    const next = update(base, {
      params: { maxTokens: null, topP: 0 },
      retryPolicy: { maxAttempts: 1, maxDelayMs: null },
    });
    expect(next.params).toEqual({ temperature: 0, topP: 0 });
    expect(next.retryPolicy).toEqual({ maxAttempts: 1 });
  });

  it('replaces the prompt and keeps the system message', () => {
    expect(update(base, { prompt: 'Translate {{text}}' }).messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Translate {{text}}' },
    ]);
  });

  it('replaces, adds and removes the system message', () => {
    expect(update(base, { system: 'Be long.' }).messages[0]).toEqual({ role: 'system', content: 'Be long.' });
    expect(update(base, { system: null }).messages).toEqual([
      { role: 'user', content: 'Summarise {{text}}' },
    ]);
    const single = { ...base, messages: [{ role: 'user' as const, content: 'Q' }] };
    expect(update(single, { system: 'S' }).messages).toEqual([
      { role: 'system', content: 'S' },
      { role: 'user', content: 'Q' },
    ]);
  });

  it('replaces the whole template with messages', () => {
    const messages = [
      { role: 'user', content: 'A' },
      { role: 'assistant', content: 'B' },
      { role: 'user', content: 'C' },
    ];
    expect(update(base, { messages }).messages).toEqual(messages);
  });

  it.each([
    [{ prompt: 'x' }, 'prompt'],
    [{ system: 'x' }, 'system'],
  ])('refuses %j on a template that is not prompt-shaped, naming the field', (body, field) => {
    const current = {
      ...base,
      messages: [
        { role: 'user' as const, content: 'A' },
        { role: 'assistant' as const, content: 'B' },
      ],
    };
    expect(() => update(current, body)).toThrow(GtrError);
    expect(() => update(current, body)).toThrow(
      expect.objectContaining({ code: 'E_VALIDATION', issues: [expect.objectContaining({ field })] }),
    );
  });

  it('validates the result as a whole, naming the field', () => {
    expect(() => update(base, { retryPolicy: { baseDelayMs: 5000 } })).toThrow(
      expect.objectContaining({
        code: 'E_VALIDATION',
        issues: [expect.objectContaining({ field: 'retryPolicy.maxDelayMs' })],
      }),
    );
  });

  it('never changes the current definition', () => {
    const copy = structuredClone(base);
    update(base, { params: { temperature: 1 }, retryPolicy: { maxAttempts: null }, tags: [] });
    expect(base).toEqual(copy);
  });
});

describe('the update task request schema', () => {
  const fieldsOf = (input: unknown): string[] => {
    const result = updateTaskSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it.each<[string, unknown, string[]]>([
    ['an empty body', {}, ['']],
    ['prompt with messages', { prompt: 'x', messages: [{ role: 'user', content: 'y' }] }, ['messages']],
    ['system with messages', { system: 'x', messages: [{ role: 'user', content: 'y' }] }, ['system']],
    ['a null prompt', { prompt: null }, ['prompt']],
    ['a bad param value', { params: { temperature: 9 } }, ['params.temperature']],
    ['an unknown param', { params: { temp: 1 } }, ['params']],
    ['a bad placeholder', { prompt: '{{ a b }}' }, ['prompt']],
    ['null tags', { tags: null }, ['tags']],
  ])('rejects %s', (_what, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('refuses a rename, naming the key', () => {
    const result = updateTaskSchema.safeParse({ name: 'other' });
    expect(result.error?.issues[0].message).toContain('"name"');
  });
});
