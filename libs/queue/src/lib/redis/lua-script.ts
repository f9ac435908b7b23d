import { createHash } from 'node:crypto';
import { type Redis } from 'ioredis';

/**
 * A Lua script run by its SHA1 (`EVALSHA`), sent in full (`EVAL`) only when Redis does not
 * know it yet — after a restart or `SCRIPT FLUSH` — which also caches it again.
 */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      // NOSCRIPT is the error code Redis puts first in the reply, by protocol.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
