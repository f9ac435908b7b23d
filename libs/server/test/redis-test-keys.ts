import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis every integration suite shares; each suite writes under a prefix of its own. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A key prefix no other suite (or run) uses. */
export function uniquePrefix(label: string): string {
  return `gtrtest-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Deletes every key under `prefix` (`<prefix>:*`); returns how many. */
export async function deleteKeys(prefix: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
