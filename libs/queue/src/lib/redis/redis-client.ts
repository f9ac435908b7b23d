import { Redis, type RedisOptions } from 'ioredis';
import { toError } from '../shared/to-error';

/**
 * What a connection is for; each role gets BullMQ's production settings:
 * - `command`: producers and one-shot commands fail fast while Redis is unreachable
 *   (`enableOfflineQueue: false`) instead of piling up in memory;
 * - `worker`: BullMQ workers retry forever (`maxRetriesPerRequest: null`), so a Redis restart
 *   does not kill the consumer;
 * - `subscriber`: pub/sub; ioredis subscribes again after a reconnect, and a SUBSCRIBE sent
 *   during an outage is queued but gives up after ioredis' default retries.
 */
export type RedisRole = 'command' | 'worker' | 'subscriber';

const ROLE_OPTIONS: Record<RedisRole, RedisOptions> = {
  command: { enableOfflineQueue: false },
  worker: { maxRetriesPerRequest: null },
  subscriber: {},
};

/** Opens a connection to `url` for `role`; its errors go to `onError`. */
export function createRedisClient(url: string, role: RedisRole, onError: (error: Error) => void): Redis {
  const client = new Redis(url, ROLE_OPTIONS[role]);
  client.on('error', (error: unknown) => onError(toError(error)));
  return client;
}

/**
 * Resolves once `client` can take commands. While the first connection attempt is in progress
 * it waits for it; a client that lost its connection or was closed fails at once, so a
 * readiness probe reports the outage instead of hanging.
 */
export async function whenReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return;
  if (client.status !== 'connecting' && client.status !== 'connect') {
    throw new Error(`Redis is not connected (${client.status})`);
  }
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error): void => {
      client.off('ready', onReady);
      client.off('error', onError);
      client.off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onReady = (): void => settle();
    const onError = (error: Error): void => settle(error);
    const onEnd = (): void => settle(new Error('Redis connection closed'));
    client.once('ready', onReady);
    client.once('error', onError);
    client.once('end', onEnd);
  });
}

/** Closes `client`: politely when connected, at once otherwise. Never rejects. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Fall through: the connection broke while quitting.
    }
  }
  client.disconnect();
}
