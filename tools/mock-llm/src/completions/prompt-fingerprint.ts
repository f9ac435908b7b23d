import { createHash } from 'node:crypto';

/**
 * The key of `stats().promptCounts`: a SHA-256 (hex) of `JSON.stringify(messages)`, so tests
 * can compute the key of a prompt they sent and spot duplicate provider calls.
 */
export function promptFingerprint(messages: unknown): string {
  return createHash('sha256').update(JSON.stringify(messages)).digest('hex');
}
