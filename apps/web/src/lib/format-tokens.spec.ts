import { formatTokens } from './format-tokens';

describe('formatTokens', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [1234, '1,234'],
    [99_999, '99,999'],
    [100_000, '100.0k'],
    [123_456, '123.5k'],
    [999_949, '999.9k'],
    [999_950, '1.00M'],
    [2_345_678, '2.35M'],
    [12.6, '13'],
  ])('%p → %p', (n, expected) => {
    expect(formatTokens(n)).toBe(expected);
  });

  it.each([null, undefined, Number.NaN, -1])('%p → dash', (n) => {
    expect(formatTokens(n)).toBe('—');
  });
});
