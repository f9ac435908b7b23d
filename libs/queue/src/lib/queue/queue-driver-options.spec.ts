import { QUEUE_DRIVER_DEFAULTS, resolveQueueDriverOptions } from './queue-driver-options';

describe('resolveQueueDriverOptions', () => {
  it('applies the defaults', () => {
    const resolved = resolveQueueDriverOptions({ prefix: 'gtr' });
    expect(resolved).toMatchObject({ prefix: 'gtr', ...QUEUE_DRIVER_DEFAULTS });
    expect(() => resolved.onError(new Error('ignored'))).not.toThrow();
  });

  it('keeps what the caller set', () => {
    const onError = jest.fn();
    const resolved = resolveQueueDriverOptions({
      prefix: 'gtr',
      lockDurationMs: 1,
      stalledIntervalMs: 2,
      maxStalledCount: 0,
      closeGraceMs: 3,
      abortGraceMs: 4,
      onError,
    });
    expect(resolved).toEqual({
      prefix: 'gtr',
      lockDurationMs: 1,
      stalledIntervalMs: 2,
      maxStalledCount: 0,
      closeGraceMs: 3,
      abortGraceMs: 4,
      onError,
    });
  });

  it.each([
    ['an empty prefix', { prefix: '' }, 'prefix'],
    ['a zero lock duration', { prefix: 'gtr', lockDurationMs: 0 }, 'lockDurationMs'],
    ['an infinite stalled interval', { prefix: 'gtr', stalledIntervalMs: Infinity }, 'stalledIntervalMs'],
    ['a negative close grace', { prefix: 'gtr', closeGraceMs: -1 }, 'closeGraceMs'],
    ['a fractional stalled count', { prefix: 'gtr', maxStalledCount: 1.5 }, 'maxStalledCount'],
  ])('rejects %s', (_case, options, field) => {
    expect(() => resolveQueueDriverOptions(options)).toThrow(field);
  });
});
