import { Redis } from 'ioredis';
import { deferred, waitFor } from '../../../test/async-helpers';
import { TEST_REDIS_URL, uniquePrefix } from '../../../test/redis-test-keys';
import { RedisEventBus } from './redis-event-bus';

describe('RedisEventBus', () => {
  it('reports a message that is not JSON and goes on with the next one', async () => {
    const prefix = uniquePrefix('events-raw');
    const errors: Error[] = [];
    const bus = new RedisEventBus(TEST_REDIS_URL, prefix, (error) => errors.push(error));
    const raw = new Redis(TEST_REDIS_URL);
    try {
      const received = deferred<unknown>();
      await bus.subscribe('news', (message) => received.resolve(message));
      await raw.publish(`${prefix}:news`, '{not json');
      await raw.publish(`${prefix}:news`, '{"ok":true}');
      expect(await received.promise).toEqual({ ok: true });
      await waitFor(() => errors.length === 1);
      expect(errors[0]).toBeInstanceOf(SyntaxError);
    } finally {
      await raw.quit();
      await bus.close();
    }
  });
});
