import { GtrError } from '@gtr/domain';
import { isUuid } from '../sql/is-uuid';

/** Position after the last row of a page: (created_at, id) of that row. */
export interface RunCursor {
  /** `created_at` in UTC with microseconds, as Postgres stores it (JS dates keep only milliseconds). */
  createdAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Encodes a cursor as opaque base64url text. */
export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeRunCursor`, or throws `E_VALIDATION` naming `cursor`. */
export function decodeRunCursor(text: string): RunCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 2 &&
    typeof decoded[0] === 'string' &&
    typeof decoded[1] === 'string' &&
    TIMESTAMP.test(decoded[0]) &&
    isUuid(decoded[1])
  ) {
    return { createdAt: decoded[0], id: decoded[1] };
  }
  throw new GtrError('E_VALIDATION', 'Invalid request: cursor is not a cursor from a previous page', [
    { field: 'cursor', message: 'is not a cursor from a previous page' },
  ]);
}
