import { GtrError } from '@gtr/domain';

/** Encodes the last key of a page (a schedule name, a fire time) as opaque base64url text. */
export function encodeScheduleCursor(key: string): string {
  return Buffer.from(JSON.stringify(['s', key]), 'utf8').toString('base64url');
}

/** Decodes a cursor from {@link encodeScheduleCursor}, or throws `E_VALIDATION` naming `cursor`. */
export function decodeScheduleCursor(text: string, isKey: (key: string) => boolean): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 2 &&
    decoded[0] === 's' &&
    typeof decoded[1] === 'string' &&
    isKey(decoded[1])
  ) {
    return decoded[1];
  }
  throw new GtrError('E_VALIDATION', 'Invalid request: cursor is not a cursor from a previous page', [
    { field: 'cursor', message: 'is not a cursor from a previous page' },
  ]);
}
