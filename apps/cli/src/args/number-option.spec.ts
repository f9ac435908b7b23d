import { numberOption } from './number-option';
import { UsageError } from './usage-error';

describe('numberOption', () => {
  const temperature = numberOption('--temperature');
  const maxTokens = numberOption('--max-tokens', { integer: true });

  it.each([
    ['0', 0],
    ['0.7', 0.7],
    ['.5', 0.5],
    ['2.', 2],
    ['-1', -1],
    ['+1.5', 1.5],
    ['1e-3', 0.001],
    [' 1 ', 1],
  ])('parses %j as %p', (text, value) => {
    expect(temperature(text)).toBe(value);
  });

  it.each(['abc', '', ' ', '1x', '0x10', 'Infinity', 'NaN', '1,5', '--1', '1e', '1e999'])(
    'rejects %j',
    (text) => {
      expect(() => temperature(text)).toThrow(
        new UsageError('E_VALIDATION_TYPE', '--temperature must be a number'),
      );
    },
  );

  it('rejects fractions and unsafe integers where an integer is needed', () => {
    expect(maxTokens('256')).toBe(256);
    expect(maxTokens('1e3')).toBe(1000);
    for (const text of ['1.5', '9007199254740993', 'ten']) {
      expect(() => maxTokens(text)).toThrow('--max-tokens must be an integer');
    }
  });

  it('fails with E_VALIDATION_TYPE and a pointer to the help', () => {
    const error = (() => {
      try {
        temperature('abc');
      } catch (e) {
        return e as UsageError;
      }
      throw new Error('expected a throw');
    })();
    expect(error.code).toBe('E_VALIDATION_TYPE');
    expect(error.action).toContain('--help');
  });
});
