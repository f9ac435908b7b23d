import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the integration specs run against. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** A key prefix no other test run uses. */
export function uniquePrefix(label: string): string {
  return `gtr-test-${label}-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under `prefix:`. */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
