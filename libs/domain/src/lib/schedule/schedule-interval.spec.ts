import { formatInterval, intervalProblem, parseInterval } from './schedule-interval';

describe('schedule intervals', () => {
  it.each([
    ['1s', 1000],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1d2h3m4s', 93_784_000],
    ['90s', 90_000],
    [' 7d ', 604_800_000],
  ])('parses %j as %d ms', (text, ms) => {
    expect(intervalProblem(text)).toBeNull();
    expect(parseInterval(text)).toBe(ms);
  });

  it.each([
    ['5x', 'invalid interval "5x"; use whole numbers with units d, h, m, s, largest first; example: "5m"'],
    ['', 'invalid interval ""'],
    ['m', 'invalid interval "m"'],
    ['1.5h', 'invalid interval "1.5h"'],
    ['5m1h', 'invalid interval "5m1h"'],
    ['-5m', 'invalid interval "-5m"'],
    ['500ms', 'invalid interval "500ms"'],
    ['0s', 'interval "0s" is shorter than 1s; example: "5m"'],
    ['8d', 'interval "8d" is longer than 7d; use a cron expression instead'],
  ])('rejects %j', (text, problem) => {
    expect(intervalProblem(text)).toContain(problem);
    expect(() => parseInterval(text)).toThrow(problem);
  });

  it.each([
    [1000, '1s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [93_784_000, '1d2h3m4s'],
    [0, '0s'],
    [1499, '1s'],
  ])('formats %d ms as %j', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });

  it('round-trips through its canonical text', () => {
    for (const text of ['1s', '45m', '1h30m', '7d']) expect(formatInterval(parseInterval(text))).toBe(text);
  });
});
