import { GtrError } from '@gtr/domain';
import { decodeRunCursor, encodeRunCursor } from './run-cursor';

describe('run cursor', () => {
  const cursor = { createdAt: '2026-03-04T05:06:07.123456Z', id: '0b5e3f4c-8a6b-4f8e-9d7c-1a2b3c4d5e6f' };

  it('round-trips and is URL-safe', () => {
    const text = encodeRunCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRunCursor(text)).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['an object', Buffer.from('{"createdAt":"x"}').toString('base64url')],
    [
      'a millisecond timestamp',
      Buffer.from(JSON.stringify(['2026-03-04T05:06:07.123Z', cursor.id])).toString('base64url'),
    ],
    ['a bad id', Buffer.from(JSON.stringify([cursor.createdAt, 'x'])).toString('base64url')],
    ['a non-string id', Buffer.from(JSON.stringify([cursor.createdAt, 1])).toString('base64url')],
  ])('rejects %s with E_VALIDATION on cursor', (_, text) => {
    let error: unknown;
    try {
      decodeRunCursor(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'cursor' }] });
  });
});
