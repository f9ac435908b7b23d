import { formatCost, UNKNOWN_PRICE } from './format-cost';

describe('formatCost', () => {
  it.each([
    [0, '$0.00'],
    [0.000123, '$0.000123'],
    [0.0000004, '< $0.000001'],
    [0.5, '$0.50'],
    [0.1, '$0.10'],
    [0.0123456, '$0.012346'],
    [0.999999, '$0.999999'],
    [1, '$1.00'],
    [12.345, '$12.35'],
    [1234.5, '$1,234.50'],
  ])('%p → %p', (usd, expected) => {
    expect(formatCost(usd)).toBe(expected);
  });

  it.each([null, undefined, Number.NaN, -0.01])('%p → unknown price', (usd) => {
    expect(formatCost(usd)).toBe(UNKNOWN_PRICE);
    expect(UNKNOWN_PRICE).toBe('unknown price');
  });
});
