import { numericTransformer } from './numeric.transformer';

describe('numericTransformer', () => {
  it.each([
    ['0.00012300', 0.000123],
    ['12345678', 12345678],
    [null, null],
    [undefined, null],
  ])('reads %p as %p', (stored, value) => {
    expect(numericTransformer.from(stored)).toBe(value);
  });

  it('writes numbers as they are', () => {
    expect(numericTransformer.to(1.5)).toBe(1.5);
    expect(numericTransformer.to(null)).toBeNull();
  });
});
