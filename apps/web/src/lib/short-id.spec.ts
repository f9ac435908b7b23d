import { shortId } from './short-id';

describe('shortId', () => {
  it('keeps the first block of a UUID', () => {
    expect(shortId('0b9c2f3e-1a2b-4c3d-8e9f-001122334455')).toBe('0b9c2f3e');
  });

  it('leaves a short id whole', () => {
    expect(shortId('abc')).toBe('abc');
  });
});
