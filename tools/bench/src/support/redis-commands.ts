import { Redis } from 'ioredis';

/**
 * Commands the Redis server has processed so far (`INFO stats` total_commands_processed). The
 * server is shared: a delta includes every other client's commands of the same time.
 */
export async function redisCommandsProcessed(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    const info = await redis.info('stats');
    const match = /^total_commands_processed:(\d+)/m.exec(info);
    if (!match) throw new Error(`no total_commands_processed in INFO stats of ${redisUrl}`);
    return Number(match[1]);
  } finally {
    await redis.quit();
  }
}
