import { progressBar } from './progress-bar';

describe('progressBar', () => {
  it.each([
    [0, 10, '[░░░░░░░░░░] 0%'],
    [5, 10, '[█████░░░░░] 50%'],
    [10, 10, '[██████████] 100%'],
    [999, 1000, '[█████████░] 99%'],
    [3, 0, '[░░░░░░░░░░] 0%'],
    [12, 10, '[██████████] 100%'],
  ])('%i of %i is %s', (done, total, bar) => {
    expect(progressBar(done, total, 10)).toBe(bar);
  });
});
