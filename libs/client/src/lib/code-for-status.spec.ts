import { codeForStatus } from './code-for-status';

describe('codeForStatus', () => {
  it.each([
    [400, 'E_VALIDATION'],
    [422, 'E_VALIDATION'],
    [401, 'E_AUTH'],
    [403, 'E_FORBIDDEN'],
    [404, 'E_NOT_FOUND'],
    [409, 'E_CONFLICT'],
    [429, 'E_RATE_LIMIT'],
    [502, 'E_NETWORK'],
    [504, 'E_NETWORK'],
    [503, 'E_SYSTEM'],
    [500, 'E_INTERNAL'],
    [418, 'E_INPUT'],
  ])('HTTP %i → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
