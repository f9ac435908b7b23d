import { callIntervalMs, unitIntervalMs } from './call-spacing';
import { effectiveLimit } from './effective-limit';
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
    expect(resolveRateLimits(undefined, 'openai', 'gpt-4o')).toEqual({
      requestsPerMinute: null,
      tokensPerMinute: null,
    });
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

  it.each([
    ['per minute only', 600, 1, { headroom: 0, quantumMs: 0, jitterMs: 40 }, 100],
    ['per second, requests', 600, 1, { headroom: 0, quantumMs: 1_000, jitterMs: 40 }, 104],
    [
      'per second, headroom larger than the jitter',
      600,
      1,
      { headroom: 0.1, quantumMs: 1_000, jitterMs: 40 },
      100 / 0.9,
    ],
    ['per second, tokens', 100_000, 44, { headroom: 0, quantumMs: 1_000, jitterMs: 50 }, 1_050 / 37],
    ['a call above a second’s share', 60_000, 1_500, { headroom: 0, quantumMs: 1_000, jitterMs: 50 }, 1_500],
    ['a limit below one a second', 30, 1, { headroom: 0, quantumMs: 1_000, jitterMs: 50 }, 2_000],
  ])(
    'spaces a call by its share of the minute or of the quantum: %s',
    (_case, perMinute, units, policy, expected) => {
      expect(callIntervalMs(perMinute, units, policy)).toBeCloseTo(expected, 9);
    },
  );
});
