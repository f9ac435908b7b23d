import { GtrError } from '@gtr/domain';

/** Encodes the last `batch_row` of a page as an opaque cursor. */
export function encodeBatchRowCursor(batchRow: number): string {
  return Buffer.from(`r${batchRow}`, 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeBatchRowCursor`, or throws `E_VALIDATION` naming `cursor`. */
export function decodeBatchRowCursor(text: string): number {
  const match = /^r(\d{1,9})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (match) return Number(match[1]);
  throw new GtrError('E_VALIDATION', 'Invalid request: cursor is not a cursor from a previous page', [
    { field: 'cursor', message: 'is not a cursor from a previous page' },
  ]);
}
