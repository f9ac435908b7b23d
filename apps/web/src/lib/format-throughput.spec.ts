import { formatThroughput } from './format-throughput';

describe('formatThroughput', () => {
  it.each([
    [1, '1.0/s'],
    [12.345, '12.3/s'],
    [250.4, '250/s'],
    [0.5, '30.0/min'],
    [0.01, '0.6/min'],
  ])('%p → %p', (perSecond, expected) => {
    expect(formatThroughput(perSecond)).toBe(expected);
  });
  it.each([null, undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY])('%p → dash', (value) => {
    expect(formatThroughput(value)).toBe('—');
  });
});
