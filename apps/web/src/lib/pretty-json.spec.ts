import { prettyJson } from './pretty-json';

describe('prettyJson', () => {
  it('indents objects by two spaces', () => {
    expect(prettyJson({ a: 1, b: [true] })).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
  });

  it('shows falsy JSON values', () => {
    expect(prettyJson(0)).toBe('0');
    expect(prettyJson(false)).toBe('false');
    expect(prettyJson('')).toBe('""');
  });

  it('returns null when there is nothing to show', () => {
    expect(prettyJson(null)).toBeNull();
    expect(prettyJson(undefined)).toBeNull();
    expect(prettyJson(() => 1)).toBeNull();
  });

  it('falls back to text for a value JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(prettyJson(cyclic)).toBe('[object Object]');
  });
});
