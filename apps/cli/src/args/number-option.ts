import { UsageError } from './usage-error';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A commander parser for a numeric flag. Strict: `abc`, `1x`, `''` and `Infinity` are
 * rejected with `E_VALIDATION_TYPE` naming the flag, unlike `Number()` / `parseFloat()`.
 * Ranges are left to the API, which owns them.
 */
export function numberOption(flag: string, { integer = false } = {}): (value: string) => number {
  return (value) => {
    const text = value.trim();
    const parsed = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(parsed))
      throw new UsageError('E_VALIDATION_TYPE', `${flag} must be ${integer ? 'an integer' : 'a number'}`);
    if (integer && !Number.isSafeInteger(parsed))
      throw new UsageError('E_VALIDATION_TYPE', `${flag} must be an integer`);
    return parsed;
  };
}
