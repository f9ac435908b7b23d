import { createHash } from 'node:crypto';
import { type CacheKeyInput, cacheKeyOf } from './cache-key';

const base: CacheKeyInput = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Name a prime.' },
  ],
  params: { temperature: 0.2, maxTokens: 64 },
  outputSchema: { type: 'object', properties: { prime: { type: 'integer' } }, required: ['prime'] },
};

describe('cacheKeyOf', () => {
  it('is lowercase hex SHA-256', () => {
    expect(cacheKeyOf(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable: a pinned request always gives the same key (changing it invalidates every cache)', () => {
    const text =
      '{"messages":[{"content":"Hi","role":"user"}],"model":"m","outputSchema":null,"params":{"temperature":0},"provider":"p","v":1}';
    const expected = createHash('sha256').update(text).digest('hex');
    expect(
      cacheKeyOf({
        provider: 'p',
        model: 'm',
        messages: [{ role: 'user', content: 'Hi' }],
        params: { temperature: 0 },
      }),
    ).toBe(expected);
  });

  it('gives the same key for a copy of the request', () => {
    expect(cacheKeyOf(structuredClone(base))).toBe(cacheKeyOf(base));
  });

  it('does not depend on key order in params, messages or the output schema', () => {
    const reordered: CacheKeyInput = {
      outputSchema: { required: ['prime'], properties: { prime: { type: 'integer' } }, type: 'object' },
      params: { maxTokens: 64, temperature: 0.2 },
      messages: [
        { content: 'Be brief.', role: 'system' },
        { content: 'Name a prime.', role: 'user' },
      ],
      model: 'gpt-4o-mini',
      provider: 'openai',
    };
    expect(cacheKeyOf(reordered)).toBe(cacheKeyOf(base));
  });

  it('treats an absent output schema as null', () => {
    const { outputSchema: _dropped, ...withoutSchema } = base;
    expect(cacheKeyOf(withoutSchema)).toBe(cacheKeyOf({ ...base, outputSchema: null }));
    expect(cacheKeyOf(withoutSchema)).not.toBe(cacheKeyOf(base));
  });

  it('treats a param set to undefined as absent (it is never sent)', () => {
    expect(cacheKeyOf({ ...base, params: { ...base.params, seed: undefined } })).toBe(cacheKeyOf(base));
  });

  it.each<[string, Partial<CacheKeyInput>]>([
    ['the provider', { provider: 'azure' }],
    ['the model', { model: 'gpt-4o' }],
    ['a message content', { messages: [base.messages[0], { role: 'user', content: 'Name a prime!' }] }],
    ['a message role', { messages: [{ role: 'user', content: 'Be brief.' }, base.messages[1]] }],
    ['the message order', { messages: [base.messages[1], base.messages[0]] }],
    ['a dropped message', { messages: [base.messages[1]] }],
    ['a param value', { params: { temperature: 0.3, maxTokens: 64 } }],
    ['an added param', { params: { ...base.params, seed: 1 } }],
    ['a removed param', { params: { temperature: 0.2 } }],
    ['the stop form', { params: { ...base.params, stop: ['END'] } }],
    ['the output schema', { outputSchema: { type: 'object' } }],
  ])('changes with %s', (_what, change) => {
    expect(cacheKeyOf({ ...base, ...change })).not.toBe(cacheKeyOf(base));
  });

  it('tells temperature 0 apart from no temperature', () => {
    const messages = base.messages;
    expect(cacheKeyOf({ provider: 'p', model: 'm', messages, params: { temperature: 0 } })).not.toBe(
      cacheKeyOf({ provider: 'p', model: 'm', messages, params: {} }),
    );
  });

  it('cannot be forged by moving text between fields', () => {
    expect(cacheKeyOf({ ...base, provider: 'open', model: 'aigpt-4o-mini' })).not.toBe(
      cacheKeyOf({ ...base, provider: 'openai', model: 'gpt-4o-mini' }),
    );
    expect(
      cacheKeyOf({
        ...base,
        messages: [
          { role: 'user', content: 'a' },
          { role: 'user', content: 'b' },
        ],
      }),
    ).not.toBe(cacheKeyOf({ ...base, messages: [{ role: 'user', content: 'ab' }] }));
  });
});
