import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('runs the first call at once', () => {
    const fn = jest.fn();
    throttle(fn, 1000)();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('collapses a burst into one trailing call at the end of the window', () => {
    const fn = jest.fn();
    const t = throttle(fn, 1000);
    t();
    jest.advanceTimersByTime(100);
    t();
    t();
    t();
    expect(fn).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(899);
    expect(fn).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('runs at once again after a quiet window', () => {
    const fn = jest.fn();
    const t = throttle(fn, 1000);
    t();
    jest.advanceTimersByTime(1500);
    t();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('drops the pending trailing call on cancel', () => {
    const fn = jest.fn();
    const t = throttle(fn, 1000);
    t();
    t();
    t.cancel();
    jest.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
    t();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
