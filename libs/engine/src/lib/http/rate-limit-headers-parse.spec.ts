import { headerValue } from './headers-like';
import { parseDuration } from './parse-duration';
import { parseRateLimitHeaders } from './rate-limit-snapshot';

describe('rate-limit headers parse into a snapshot', () => {
  it.each<[string, number | null]>([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['0s', 0],
    ['1m30.951s', 90_951],
    ['500us', 0.5],
    ['250µs', 0.25],
    ['1000000ns', 1],
    ['17', 17_000],
    ['0.5', 500],
    [' 2s ', 2000],
    ['', null],
    ['soon', null],
    ['1x', null],
    ['1s garbage', null],
    ['-1s', null],
    ['s', null],
  ])('duration %j → %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('treats absent durations as unknown', () => {
    expect(parseDuration(null)).toBeNull();
    expect(parseDuration(undefined)).toBeNull();
  });

  const openAIHeaders = {
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-limit-tokens': '2000000',
    'x-ratelimit-remaining-requests': '9999',
    'x-ratelimit-remaining-tokens': '1999900',
    'x-ratelimit-reset-requests': '6ms',
    'x-ratelimit-reset-tokens': '3ms',
  };
  const expected = {
    limitRequests: 10000,
    limitTokens: 2_000_000,
    remainingRequests: 9999,
    remainingTokens: 1_999_900,
    resetRequestsMs: 6,
    resetTokensMs: 3,
  };

  it.each([
    ['fetch Headers', new Headers(openAIHeaders)],
    ['a plain record', openAIHeaders],
    [
      'a record with other casing',
      Object.fromEntries(Object.entries(openAIHeaders).map(([k, v]) => [k.toUpperCase(), v])),
    ],
  ])('reads every x-ratelimit-* header from %s', (_kind, headers) => {
    expect(parseRateLimitHeaders(headers)).toEqual(expected);
  });

  it('keeps what it can read and nulls the rest', () => {
    expect(
      parseRateLimitHeaders({
        'x-ratelimit-remaining-tokens': '12',
        'x-ratelimit-limit-tokens': 'many',
        'x-ratelimit-reset-tokens': 'later',
      }),
    ).toEqual({
      limitRequests: null,
      limitTokens: null,
      remainingRequests: null,
      remainingTokens: 12,
      resetRequestsMs: null,
      resetTokensMs: null,
    });
  });

  it('returns null when no rate-limit header is present', () => {
    expect(parseRateLimitHeaders(new Headers({ 'content-type': 'application/json' }))).toBeNull();
    expect(parseRateLimitHeaders(null)).toBeNull();
  });

  it('reads header values case-insensitively, joining repeated ones and ignoring empty ones', () => {
    expect(headerValue({ 'Set-Cookie': ['a', 'b'] }, 'set-cookie')).toBe('a, b');
    expect(headerValue({ 'x-n': 5 }, 'X-N')).toBe('5');
    expect(headerValue({ 'x-empty': '  ', 'x-null': null }, 'x-empty')).toBeNull();
    expect(headerValue({ 'x-null': null }, 'x-null')).toBeNull();
    expect(headerValue(new Headers({ 'x-a': '1' }), 'x-b')).toBeNull();
  });
});
