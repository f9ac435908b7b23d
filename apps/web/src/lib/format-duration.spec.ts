import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [12.4, '12 ms'],
    [999, '999 ms'],
    [999.6, '1.00 s'],
    [1250, '1.25 s'],
    [9_994, '9.99 s'],
    [9_996, '10.0 s'],
    [12_345, '12.3 s'],
    [59_949, '59.9 s'],
    [59_950, '1m 00s'],
    [125_000, '2m 05s'],
    [3_599_400, '59m 59s'],
    [3_599_600, '1h 00m'],
    [3_720_000, '1h 02m'],
    [90_000_000, '25h 00m'],
  ])('%p ms → %p', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -5])('%p → dash', (ms) => {
    expect(formatDuration(ms)).toBe('—');
  });
});
