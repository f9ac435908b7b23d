import { formatUtc } from './format-utc';

describe('formatUtc', () => {
  it('prints the UTC wall time whatever the offset of the input', () => {
    expect(formatUtc('2025-03-04T05:06:07.089Z')).toBe('2025-03-04 05:06:07');
    expect(formatUtc('2025-03-04T07:06:07.089+02:00')).toBe('2025-03-04 05:06:07');
  });

  it('keeps milliseconds when asked', () => {
    expect(formatUtc('2025-03-04T05:06:07.089Z', true)).toBe('2025-03-04 05:06:07.089');
  });

  it('renders a dash for a missing time and the raw text for an unparseable one', () => {
    expect(formatUtc(null)).toBe('—');
    expect(formatUtc(undefined)).toBe('—');
    expect(formatUtc('')).toBe('—');
    expect(formatUtc('yesterday')).toBe('yesterday');
  });
});
