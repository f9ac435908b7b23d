import { statusListOption } from './status-list-option';

describe('statusListOption', () => {
  const status = statusListOption('--status');

  it('splits, trims and de-duplicates known statuses', () => {
    expect(status('queued, running,queued')).toEqual(['queued', 'running']);
  });

  it('names the unknown statuses', () => {
    expect(() => status('queued,done,ok')).toThrow(
      expect.objectContaining({
        code: 'E_VALIDATION_TYPE',
        message: expect.stringContaining('; got done, ok'),
      }),
    );
  });

  it('rejects an empty list', () => {
    expect(() => status(' , ')).toThrow(
      expect.objectContaining({
        code: 'E_VALIDATION_TYPE',
        message: expect.stringContaining('must be one or more of scheduled,'),
      }),
    );
  });
});
