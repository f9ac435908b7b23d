import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 0, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,1,{"y":null,"z":0}]},"b":1}',
    );
  });

  it('gives the same text for the same content written in another key order', () => {
    const one = { model: 'm', params: { temperature: 0, seed: 7 }, list: [{ a: 1, b: 2 }] };
    const two = { list: [{ b: 2, a: 1 }], params: { seed: 7, temperature: 0 }, model: 'm' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('reads like JSON.stringify for what JSON can hold', () => {
    const value = { s: 'quote " and \u2028', n: -1.5e-7, t: true, f: false, z: null, e: [], o: {}, u: 'ü' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('leaves out undefined properties and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('uses toJSON, so a Date is its ISO string', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.000Z') })).toBe(
      '{"at":"2026-01-02T03:04:05.000Z"}',
    );
  });

  it('lets a value appear twice when it is not its own ancestor', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"k":1},"b":[{"k":1}]}');
  });

  it.each<[string, unknown]>([
    ['NaN', { x: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a bigint', { x: BigInt(1) }],
    ['a function', { x: () => 1 }],
    ['a symbol', Symbol('s')],
  ])('refuses %s instead of writing a lossy form', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses a cycle', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = { loop };
    expect(() => canonicalJson(loop)).toThrow(/cycle/);
  });
});
