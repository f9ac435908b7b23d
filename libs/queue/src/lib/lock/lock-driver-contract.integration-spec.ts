import { deferred, sleep } from '../../../test/async-helpers';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../../test/redis-test-keys';
import { createLockDriver } from './create-lock-driver';
import { type LockDriver } from './lock-driver';

describe.each([
  ['in-process', undefined],
  ['redis', TEST_REDIS_URL],
])('LockDriver contract (%s)', (_driverName, redisUrl) => {
  const prefix = uniquePrefix('lock');
  const open: LockDriver[] = [];

  /** A driver on this file's prefix; two of them behave like two processes. */
  function locks(): LockDriver {
    const created = createLockDriver({ prefix, redisUrl });
    open.push(created);
    return created;
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map((created) => created.close()));
  });

  afterAll(async () => {
    if (redisUrl) await deleteKeys(prefix);
  });

  it('runs the function and returns its value', async () => {
    expect(await locks().withLock('a', 1_000, async () => 42)).toEqual({ acquired: true, value: 42 });
  });

  it('refuses a held key to another holder, and frees it when the holder is done', async () => {
    const first = locks();
    const second = locks();
    const release = deferred();
    const holding = first.withLock('b', 5_000, () => release.promise);
    await sleep(50);

    let ran = false;
    expect(await second.withLock('b', 5_000, async () => (ran = true))).toEqual({ acquired: false });
    expect(await second.withLock('other-key', 5_000, async () => 'free')).toEqual({
      acquired: true,
      value: 'free',
    });
    expect(ran).toBe(false);

    release.resolve();
    await holding;
    expect(await second.withLock('b', 5_000, async () => 'mine')).toEqual({ acquired: true, value: 'mine' });
  });

  it('releases the lock when the function rejects, passing the rejection on', async () => {
    const driver = locks();
    await expect(driver.withLock('c', 5_000, () => Promise.reject(new Error('job broke')))).rejects.toThrow(
      'job broke',
    );
    expect(await driver.withLock('c', 5_000, async () => 'again')).toEqual({
      acquired: true,
      value: 'again',
    });
  });

  it('lets a lock expire, and the late holder does not release the new holder', async () => {
    const slow = locks();
    const fast = locks();
    const slowDone = deferred();
    const slowHolding = slow.withLock('d', 100, () => slowDone.promise);
    await sleep(250);

    const fastRelease = deferred();
    const fastHolding = fast.withLock('d', 5_000, () => fastRelease.promise);
    await sleep(50);
    slowDone.resolve();
    expect(await slowHolding).toEqual({ acquired: true, value: undefined });

    expect(await locks().withLock('d', 5_000, async () => 'third')).toEqual({ acquired: false });
    fastRelease.resolve();
    expect(await fastHolding).toEqual({ acquired: true, value: undefined });
  });

  it.each([0, -1, 1.5])('rejects ttl %p', async (ttlMs) => {
    await expect(locks().withLock('e', ttlMs, async () => undefined)).rejects.toThrow('ttlMs');
  });

  it('rejects use after close', async () => {
    const driver = locks();
    await driver.close();
    await expect(driver.withLock('f', 1_000, async () => undefined)).rejects.toThrow('closed');
    await driver.close();
  });
});
