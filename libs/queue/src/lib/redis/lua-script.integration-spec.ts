import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../../../test/redis-test-keys';
import { LuaScript } from './lua-script';

describe('LuaScript', () => {
  const client = new Redis(TEST_REDIS_URL);

  afterAll(async () => {
    await client.quit();
  });

  it('sends the script once when Redis does not know it, then runs it by its SHA', async () => {
    const marker = randomUUID();
    const script = new LuaScript(`return ARGV[1] .. '${marker}'`);
    expect(await client.script('EXISTS', script.sha)).toEqual([0]);

    expect(await script.run(client, [], ['a-'])).toBe(`a-${marker}`);
    expect(await client.script('EXISTS', script.sha)).toEqual([1]);
    expect(await script.run(client, [], ['b-'])).toBe(`b-${marker}`);
  });

  it('passes other errors on', async () => {
    const script = new LuaScript(`return redis.call('NO-SUCH-COMMAND-${randomUUID()}')`);
    await expect(script.run(client, [], [])).rejects.toThrow(/unknown command|Unknown Redis command/i);
  });
});
