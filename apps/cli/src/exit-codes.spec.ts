import { GtrApiError, GtrNetworkError } from '@gtr/client';
import { ALL_ERROR_CODES, errorInfo, GtrError } from '@gtr/domain';
import { codeOfUsageError, EXIT_INTERRUPTED, exitCodeOfError, exitCodeOfRun } from './exit-codes';

describe('exitCodeOfRun', () => {
  it.each([
    [{ status: 'succeeded', error: null }, 0],
    [{ status: 'cancelled', error: null }, 63],
    [{ status: 'failed', error: { code: 'E_RATE_LIMIT', message: '' } }, 10],
    [{ status: 'failed', error: { code: 'E_CONTEXT_LENGTH', message: '' } }, 17],
    [{ status: 'failed', error: null }, 70],
    [{ status: 'running', error: null }, 70],
  ] as const)('%j → %i', (run, code) => {
    expect(exitCodeOfRun(run)).toBe(code);
  });

  it.each(ALL_ERROR_CODES)('a run failed with %s exits with its taxonomy exit code', (code) => {
    expect(exitCodeOfRun({ status: 'failed', error: { code, message: '' } })).toBe(errorInfo(code).exitCode);
  });
});

describe('exitCodeOfError', () => {
  it.each([
    [new GtrApiError(400, 'E_VALIDATION', 'bad', [], ''), 30],
    [new GtrApiError(404, 'E_NOT_FOUND', 'missing', [], ''), 13],
    [new GtrApiError(401, 'E_AUTH', 'no', [], ''), 12],
    [new GtrNetworkError('http://x', 'refused'), 16],
    [new GtrError('E_CONFIG_MISSING'), 41],
    [new GtrError('E_CONFIG'), 40],
    [new DOMException('aborted', 'AbortError'), EXIT_INTERRUPTED],
    [new TypeError('bug'), 71],
    [undefined, 71],
  ])('%s → %i', (error, code) => {
    expect(exitCodeOfError(error)).toBe(code);
  });
});

describe('codeOfUsageError', () => {
  it.each([
    ['commander.missingMandatoryOptionValue', 'E_VALIDATION_MISSING_FIELD'],
    ['commander.optionMissingArgument', 'E_VALIDATION_MISSING_FIELD'],
    ['commander.missingArgument', 'E_VALIDATION_MISSING_FIELD'],
    ['commander.invalidArgument', 'E_VALIDATION_TYPE'],
    ['commander.unknownOption', 'E_VALIDATION'],
    ['commander.excessArguments', 'E_VALIDATION'],
  ])('%s → %s', (commanderCode, code) => {
    expect(codeOfUsageError(commanderCode)).toBe(code);
  });
});
