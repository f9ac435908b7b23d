import { GtrError } from '../gtr-error';
import { assertSupportedTarget, BATCH_TARGET_UNSUPPORTED } from './schedule-target';

describe('assertSupportedTarget', () => {
  it('lets task and prompt targets through', () => {
    expect(() => assertSupportedTarget({ type: 'task', task: 't', input: {} })).not.toThrow();
    expect(() => assertSupportedTarget({ type: 'prompt', prompt: 'hi' })).not.toThrow();
  });

  it('refuses a batch target naming target.type', () => {
    let error: unknown;
    try {
      assertSupportedTarget({ type: 'batch', file: 'rows.csv' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({
      code: 'E_VALIDATION',
      issues: [{ field: 'target.type', message: BATCH_TARGET_UNSUPPORTED }],
    });
    expect(BATCH_TARGET_UNSUPPORTED).toMatch(/not supported yet/);
  });
});
