import { createLockDriver } from './create-lock-driver';

describe('createLockDriver', () => {
  it('requires a prefix', () => {
    expect(() => createLockDriver({ prefix: '' })).toThrow('prefix');
  });
});
