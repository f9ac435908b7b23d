import { sleep } from '../../../test/async-helpers';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../../test/redis-test-keys';
import { createSlotDriver } from './create-slot-driver';
import { type SlotDriver } from './slot-driver';

describe.each([
  ['in-process', undefined],
  ['redis', TEST_REDIS_URL],
])('SlotDriver contract (%s)', (_driverName, redisUrl) => {
  const prefix = uniquePrefix('slots');
  const open: SlotDriver[] = [];

  /** A driver on this file's prefix; two of them behave like two processes. */
  function slots(): SlotDriver {
    const created = createSlotDriver({ prefix, redisUrl });
    open.push(created);
    return created;
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map((created) => created.close()));
  });

  afterAll(async () => {
    if (redisUrl) await deleteKeys(prefix);
  });

  it('gives at most `limit` holders a slot across drivers, and frees one on release', async () => {
    const first = slots();
    const second = slots();
    expect(await first.tryAcquire('a', 'run-1', 2, 10_000)).toBe(true);
    expect(await second.tryAcquire('a', 'run-2', 2, 10_000)).toBe(true);
    expect(await second.tryAcquire('a', 'run-3', 2, 10_000)).toBe(false);
    expect(await first.tryAcquire('other', 'run-3', 2, 10_000)).toBe(true);

    await first.release('a', 'run-1');
    expect(await second.tryAcquire('a', 'run-3', 2, 10_000)).toBe(true);
    expect(await first.tryAcquire('a', 'run-4', 2, 10_000)).toBe(false);
  });

  it('lets a holder take its own slot again without counting it twice', async () => {
    const driver = slots();
    expect(await driver.tryAcquire('b', 'run-1', 1, 10_000)).toBe(true);
    expect(await driver.tryAcquire('b', 'run-1', 1, 10_000)).toBe(true);
    expect(await driver.tryAcquire('b', 'run-2', 1, 10_000)).toBe(false);
  });

  it('frees the slot of a holder that never released once its lease ran out', async () => {
    const crashed = slots();
    const survivor = slots();
    expect(await crashed.tryAcquire('c', 'run-1', 1, 100)).toBe(true);
    expect(await survivor.tryAcquire('c', 'run-2', 1, 10_000)).toBe(false);
    await sleep(200);
    expect(await survivor.tryAcquire('c', 'run-2', 1, 10_000)).toBe(true);
  });

  it('keeps a renewed lease past its first expiry, but never revives an expired one', async () => {
    const driver = slots();
    const other = slots();
    expect(await driver.tryAcquire('d', 'run-1', 1, 300)).toBe(true);
    expect(await driver.tryAcquire('e', 'run-9', 1, 50)).toBe(true);
    await sleep(150);
    await driver.renew(
      [
        { key: 'd', holder: 'run-1' },
        { key: 'e', holder: 'run-9' },
      ],
      1_000,
    );
    await sleep(250);
    expect(await other.tryAcquire('d', 'run-2', 1, 1_000)).toBe(false);
    expect(await other.tryAcquire('e', 'run-3', 1, 1_000)).toBe(true);
    await driver.renew([], 1_000);
  });

  it('ignores a release of a slot it does not hold', async () => {
    const driver = slots();
    await driver.release('f', 'nobody');
    expect(await driver.tryAcquire('f', 'run-1', 1, 1_000)).toBe(true);
    await driver.release('f', 'someone-else');
    expect(await driver.tryAcquire('f', 'run-2', 1, 1_000)).toBe(false);
  });

  it('rejects bad arguments and use after close', async () => {
    const driver = slots();
    await expect(driver.tryAcquire('g', 'run-1', 0, 1_000)).rejects.toThrow(RangeError);
    await expect(driver.tryAcquire('g', 'run-1', 1, 1.5)).rejects.toThrow(RangeError);
    await driver.close();
    await expect(driver.tryAcquire('g', 'run-1', 1, 1_000)).rejects.toThrow('closed');
  });
});

describe('createSlotDriver', () => {
  it('needs a prefix', () => {
    expect(() => createSlotDriver({ prefix: '' })).toThrow(RangeError);
  });
});
