import { createHash, randomBytes } from 'node:crypto';

/** Every gtr API key starts with this. */
export const API_KEY_PREFIX = 'gtr_';

/** Shortest key accepted from outside (such as `GTR_ADMIN_API_KEY`). */
export const MIN_API_KEY_LENGTH = 16;

/** Longest key accepted; longer text is not looked up. */
export const MAX_API_KEY_LENGTH = 200;

/** Characters of a key kept in clear for display. */
export const API_KEY_DISPLAY_LENGTH = 12;

/** A new API key: `gtr_` and 32 random bytes in base64url (256 bits). */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of a key: what is stored and looked up. A key this random needs no slow hash. */
export function hashApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}
