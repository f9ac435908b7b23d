import {
  ALL_ERROR_CODES,
  ERROR_CODES,
  type ErrorCategory,
  type ErrorCode,
  errorInfo,
  isErrorCode,
} from './error-codes';

/** Every code's CLI exit code; changing one is a breaking change for scripts that check `$?`. */
const EXIT_CODES: Record<ErrorCode, number> = {
  E_RATE_LIMIT: 10,
  E_TIMEOUT: 11,
  E_AUTH: 12,
  E_FORBIDDEN: 12,
  E_INPUT: 13,
  E_TOO_LARGE: 13,
  E_NOT_FOUND: 13,
  E_CONFLICT: 13,
  E_QUOTA: 14,
  E_SERVER_ERROR: 15,
  E_NETWORK: 16,
  E_CONTEXT_LENGTH: 17,
  E_CONTENT_FILTER: 18,
  E_FILE_NOT_FOUND: 20,
  E_FILE_READ: 21,
  E_FILE_FORMAT: 22,
  E_FILE_WRITE: 23,
  E_VALIDATION: 30,
  E_VALIDATION_MISSING_FIELD: 31,
  E_VALIDATION_TYPE: 32,
  E_OUTPUT_INVALID: 33,
  E_CONFIG: 40,
  E_CONFIG_MISSING: 41,
  E_CONFIG_PROVIDER: 42,
  E_SYSTEM: 50,
  E_SYSTEM_DATABASE: 51,
  E_SYSTEM_QUEUE: 52,
  E_BATCH: 60,
  E_BATCH_CANCELLED: 61,
  E_BATCH_LIMIT: 62,
  E_CANCELLED: 63,
  E_UNKNOWN: 70,
  E_INTERNAL: 71,
  E_PARTIAL_SUCCESS: 80,
};

/** The documented exit-code ranges and the categories each may hold. */
const RANGES: Array<{ from: number; to: number; categories: ErrorCategory[] }> = [
  // 10-16 are the classic provider/auth/input codes; 17-19 hold the LLM-specific provider codes.
  { from: 10, to: 19, categories: ['provider', 'auth', 'input'] },
  { from: 20, to: 23, categories: ['file'] },
  { from: 30, to: 33, categories: ['validation'] },
  { from: 40, to: 42, categories: ['config'] },
  { from: 50, to: 52, categories: ['system'] },
  { from: 60, to: 62, categories: ['batch'] },
  { from: 70, to: 71, categories: ['internal'] },
  { from: 80, to: 80, categories: ['batch'] },
];
/** Codes with no documented range: cancellation sits right after the batch codes. */
const OUTSIDE_RANGES: Partial<Record<ErrorCode, number>> = { E_CANCELLED: 63 };

describe('the error taxonomy', () => {
  it('lists exactly the codes of the exit-code table', () => {
    expect([...ALL_ERROR_CODES].sort()).toEqual(Object.keys(EXIT_CODES).sort());
  });

  it.each(ALL_ERROR_CODES)(
    '%s has its documented exit code, in its range, with a message and an action',
    (code) => {
      const info = errorInfo(code);
      expect(info.exitCode).toBe(EXIT_CODES[code]);
      if (OUTSIDE_RANGES[code] === undefined) {
        const range = RANGES.find((r) => info.exitCode >= r.from && info.exitCode <= r.to);
        expect(range).toBeDefined();
        expect(range!.categories).toContain(info.category);
      }
      expect(info.httpStatus).toBeGreaterThanOrEqual(200);
      expect(info.httpStatus).toBeLessThan(600);
      expect(info.message).toMatch(/^[A-Z].*\.$/);
      expect(info.action).toMatch(/^[A-Z].*\.$/);
    },
  );

  it('gives every code its own message and its own combination of category, retry flag, HTTP status and exit code', () => {
    const messages = ALL_ERROR_CODES.map((c) => ERROR_CODES[c].message);
    expect(new Set(messages).size).toBe(messages.length);
    const facts = ALL_ERROR_CODES.map((c) => {
      const { category, retryable, httpStatus, exitCode } = ERROR_CODES[c];
      return `${category}/${retryable}/${httpStatus}/${exitCode}`;
    });
    expect(new Set(facts).size).toBe(facts.length);
  });

  it.each<[ErrorCode, boolean, number]>([
    ['E_RATE_LIMIT', true, 429],
    ['E_TIMEOUT', true, 504],
    ['E_SERVER_ERROR', true, 502],
    ['E_NETWORK', true, 502],
    ['E_OUTPUT_INVALID', true, 422],
    ['E_QUOTA', false, 402],
    ['E_AUTH', false, 401],
    ['E_FORBIDDEN', false, 403],
    ['E_CONTEXT_LENGTH', false, 400],
    ['E_CONTENT_FILTER', false, 422],
    ['E_CANCELLED', false, 409],
    ['E_VALIDATION', false, 400],
    ['E_NOT_FOUND', false, 404],
    ['E_SYSTEM_DATABASE', true, 503],
    ['E_UNKNOWN', false, 500],
  ])('%s retryable: %s, HTTP %i', (code, retryable, httpStatus) => {
    expect(errorInfo(code)).toMatchObject({ retryable, httpStatus });
  });

  it.each<[unknown, boolean]>([
    ['E_RATE_LIMIT', true],
    ['E_PARTIAL_SUCCESS', true],
    ['E_NOPE', false],
    ['toString', false],
    ['constructor', false],
    [10, false],
    [null, false],
  ])('isErrorCode(%p) is %s', (value, expected) => {
    expect(isErrorCode(value)).toBe(expected);
  });
});
