import { formatOpenAiDuration } from './openai-duration';

describe('formatOpenAiDuration', () => {
  it.each([
    [0, '0s'],
    [-5, '0s'],
    [0.2, '1ms'],
    [20, '20ms'],
    [999, '999ms'],
    [1000, '1s'],
    [8640, '8.64s'],
    [59_956, '59.956s'],
    [60_000, '1m0s'],
    [86_400, '1m26.4s'],
    [360_000, '6m0s'],
    [3_723_000, '1h2m3s'],
    [3_600_000, '1h0m0s'],
  ])('%d ms is %s', (ms, expected) => {
    expect(formatOpenAiDuration(ms)).toBe(expected);
  });
});
