import { formatEta } from './format-eta';

describe('formatEta', () => {
  it.each([
    [0.4, '400 ms'],
    [12.3, '12.3 s'],
    [125, '2m 05s'],
    [7200, '2h 00m'],
  ])('%p s → %p', (etaSeconds, expected) => {
    expect(formatEta({ status: 'running', etaSeconds })).toBe(expected);
  });
  it.each([null, Number.NaN])('%p → dash', (etaSeconds) => {
    expect(formatEta({ status: 'running', etaSeconds })).toBe('—');
  });
  it('says paused instead of an estimate that assumes the batch keeps going', () => {
    expect(formatEta({ status: 'paused', etaSeconds: 30 })).toBe('paused');
  });
});
