import { parseStrictNumber } from './strict-number';

describe('parseStrictNumber', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['0.7', 0.7],
    ['-2', -2],
    ['+1', 1],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1.5E-2', 0.015],
    [' 42 ', 42],
  ])('reads %j as %d', (text, value) => {
    expect(parseStrictNumber(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '1x', '0x10', 'Infinity', 'NaN', '1,5', '1e999', '--1', '.'])(
    'rejects %j',
    (text) => {
      expect(parseStrictNumber(text)).toBeUndefined();
    },
  );
});
