import { effectiveLimit, unitIntervalMs } from './effective-limit';
import { rateLimitKey } from './rate-limit-key';
import { type RateLimitRule, resolveRateLimits } from './rate-limit-rule';

describe('rate-limit keys and configured limits', () => {
  it('keys a call by provider name and model, never letting two pairs collide', () => {
    expect(rateLimitKey('openai', 'gpt-4o-mini')).toBe('openai:gpt-4o-mini');
    expect(rateLimitKey('a:b', 'c')).not.toBe(rateLimitKey('a', 'b:c'));
    expect(rateLimitKey('openai', 'ft:gpt-4o-mini:acme::x1')).toBe('openai:ft:gpt-4o-mini:acme::x1');
  });

  const rules: RateLimitRule[] = [
    { provider: 'openai', requestsPerMinute: 500, tokensPerMinute: 200_000 },
    { provider: 'openai', model: 'gpt-4o', tokensPerMinute: 30_000 },
    { provider: 'local', model: 'llama', requestsPerMinute: 60 },
  ];

  it.each([
    ['openai', 'gpt-4o', { requestsPerMinute: 500, tokensPerMinute: 30_000 }],
    ['openai', 'gpt-4o-mini', { requestsPerMinute: 500, tokensPerMinute: 200_000 }],
    ['local', 'llama', { requestsPerMinute: 60, tokensPerMinute: null }],
    ['local', 'other', { requestsPerMinute: null, tokensPerMinute: null }],
    ['unknown', 'gpt-4o', { requestsPerMinute: null, tokensPerMinute: null }],
  ])('resolves %s / %s from the model’s rule, then the provider’s', (provider, model, expected) => {
    expect(resolveRateLimits(rules, provider, model)).toEqual(expected);
  });

  it('resolves to unknown limits without a table', () => {
    expect(resolveRateLimits(undefined, 'openai', 'gpt-4o')).toEqual({ requestsPerMinute: null, tokensPerMinute: null });
  });

  it.each([
    [600, 500, 500],
    [600, null, 600],
    [undefined, 90_000, 90_000],
    [null, null, null],
    [0, 100, 100],
  ])('takes the smaller known limit of configured %p and learned %p', (configured, learned, expected) => {
    expect(effectiveLimit(configured, learned)).toBe(expected);
  });

  it('spaces units by the minute over the limit less the headroom', () => {
    expect(unitIntervalMs(600, 0)).toBe(100);
    expect(unitIntervalMs(600, 0.5)).toBe(200);
  });
});
