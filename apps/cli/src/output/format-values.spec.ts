import { formatCost, formatDuration, formatTokens, formatUtc, shortId } from './format-values';

describe('formatDuration', () => {
  it.each([
    [null, '-'],
    [undefined, '-'],
    [-1, '-'],
    [Number.NaN, '-'],
    [0, '0ms'],
    [850, '850ms'],
    [1000, '1.0s'],
    [1234, '1.2s'],
    [59_940, '59.9s'],
    [60_000, '1m 00s'],
    [123_000, '2m 03s'],
    [3_599_000, '59m 59s'],
    [3_900_000, '1h 05m'],
  ])('%p → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatUtc', () => {
  it('prints UTC to the second whatever the input offset', () => {
    expect(formatUtc('2025-05-01T14:00:00.123+02:00')).toBe('2025-05-01T12:00:00Z');
  });
  it('keeps what it cannot parse and shows a dash for nothing', () => {
    expect(formatUtc('yesterday')).toBe('yesterday');
    expect(formatUtc(null)).toBe('-');
  });
});

describe('formatCost', () => {
  it.each([
    [0, '$0'],
    [0.000123, '$0.000123'],
    [0.0123456, '$0.012346'],
    [0.5, '$0.5'],
    [1, '$1.00'],
    [12.345, '$12.35'],
    [0.0000001, '<$0.000001'],
  ])('%p → %s', (usd, text) => {
    expect(formatCost(usd)).toBe(text);
  });
});

describe('formatTokens and shortId', () => {
  it('names prompt and completion tokens', () => {
    expect(formatTokens({ promptTokens: 12, completionTokens: 34, totalTokens: 46, cachedTokens: 0 })).toBe(
      '12 prompt + 34 completion tokens',
    );
  });
  it('keeps the first 8 characters of an id', () => {
    expect(shortId('7f1c2d3e-0000-4000-8000-000000000001')).toBe('7f1c2d3e');
  });
});
