import { GtrError, TASK_NAME_PATTERN } from '@gtr/domain';

/** Position after the last row of a page: the task name (task list) or version number (versions). */
function encode(value: string | number): string {
  return Buffer.from(JSON.stringify([value]), 'utf8').toString('base64url');
}

function decode(text: string): unknown {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return Array.isArray(decoded) && decoded.length === 1 ? decoded[0] : undefined;
  } catch {
    return undefined;
  }
}

function invalidCursor(): GtrError {
  return new GtrError('E_VALIDATION', 'Invalid request: cursor is not a cursor from a previous page', [
    { field: 'cursor', message: 'is not a cursor from a previous page' },
  ]);
}

/** Cursors of the task list (by name) and of a task's versions (by number): opaque base64url. */
export const taskCursor = {
  encodeName: (name: string): string => encode(name),
  encodeVersion: (version: number): string => encode(version),

  /** @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor the task list did not give out. */
  decodeName(text: string): string {
    const value = decode(text);
    if (typeof value === 'string' && TASK_NAME_PATTERN.test(value)) return value;
    throw invalidCursor();
  },

  /** @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor the version list did not give out. */
  decodeVersion(text: string): number {
    const value = decode(text);
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 1) return value;
    throw invalidCursor();
  },
};
