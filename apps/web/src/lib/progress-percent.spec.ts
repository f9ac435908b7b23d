import { progressPercent } from './progress-percent';

describe('progressPercent', () => {
  it.each([
    [0, 10, 0],
    [3, 10, 30],
    [999, 1000, 99],
    [10, 10, 100],
    [12, 10, 100],
    [5, 0, 0],
    [-1, 10, 0],
    [Number.NaN, 10, 0],
  ])('%p of %p → %p%', (done, total, expected) => {
    expect(progressPercent(done, total)).toBe(expected);
  });
});
