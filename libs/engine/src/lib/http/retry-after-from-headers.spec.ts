import { parseRateLimitHeaders } from './rate-limit-snapshot';
import { retryAfterMsFrom } from './retry-after';

const NOW = Date.parse('2025-01-01T00:00:00Z');
const from = (headers: Record<string, string>, status = 429) =>
  retryAfterMsFrom(headers, status, parseRateLimitHeaders(headers), NOW);

describe('retry-after is read from the provider headers', () => {
  it.each<[string, Record<string, string>, number, number | null]>([
    ['retry-after-ms', { 'retry-after-ms': '250' }, 429, 250],
    ['fractional retry-after-ms, rounded up', { 'retry-after-ms': '12.2' }, 429, 13],
    ['retry-after seconds', { 'retry-after': '7' }, 503, 7000],
    ['retry-after fractional seconds', { 'retry-after': '0.25' }, 429, 250],
    ['retry-after HTTP date', { 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, 503, 30_000],
    ['retry-after HTTP date in the past', { 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 429, 0],
    ['retry-after-ms wins over retry-after', { 'retry-after-ms': '100', 'retry-after': '9' }, 429, 100],
    [
      'retry-after wins over rate-limit resets',
      { 'retry-after': '1', 'x-ratelimit-reset-tokens': '1m' },
      429,
      1000,
    ],
    [
      'unreadable retry-after-ms falls back to retry-after',
      { 'retry-after-ms': 'soon', 'retry-after': '2' },
      429,
      2000,
    ],
    [
      'exhausted token window on 429',
      {
        'x-ratelimit-remaining-tokens': '0',
        'x-ratelimit-reset-tokens': '8s',
        'x-ratelimit-remaining-requests': '3',
        'x-ratelimit-reset-requests': '50s',
      },
      429,
      8000,
    ],
    [
      'exhausted request window on 429',
      {
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '120ms',
        'x-ratelimit-reset-tokens': '9s',
      },
      429,
      120,
    ],
    [
      'both exhausted: the larger reset',
      {
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '1s',
        'x-ratelimit-remaining-tokens': '0',
        'x-ratelimit-reset-tokens': '6m0s',
      },
      429,
      360_000,
    ],
    [
      'none known exhausted: the larger reset',
      { 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '2.5s' },
      429,
      2500,
    ],
    [
      'rate-limit resets on a non-429 are ignored',
      { 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '8s' },
      500,
      null,
    ],
    ['unreadable retry-after', { 'retry-after': 'later, maybe' }, 503, null],
    ['no headers', {}, 429, null],
  ])('%s', (_scenario, headers, status, expected) => {
    expect(from(headers, status)).toBe(expected);
  });

  it('uses the current time by default for HTTP dates', () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    const ms = retryAfterMsFrom({ 'retry-after': inOneMinute }, 429, null);
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });
});
