import { createEventBus, createSlotDriver, type SlotDriver } from '@gtr/queue';
import { capturingLogger } from '../../test/capturing-logger';
import { BatchSlots } from './batch-slots';

const CAP = { id: 'batch-1', concurrency: 1 };

function setup(options: { pollMs?: number; driver?: SlotDriver } = {}) {
  const prefix = `batch-slots-spec-${Math.random()}`;
  const driver = options.driver ?? createSlotDriver({ prefix });
  const events = createEventBus({ prefix });
  const { logger, lines } = capturingLogger('batch-slots-spec');
  // A long poll by default, so a test sees the release notices do the waking.
  const make = () =>
    new BatchSlots(driver, events, logger, { pollMs: options.pollMs ?? 60_000, leaseMs: 300 });
  return { driver, events, lines, make };
}

const signal = () => new AbortController().signal;

describe('BatchSlots', () => {
  it('hands the slots of a batch out first come, first served, as holders release them', async () => {
    const { make } = setup();
    const slots = make();
    await slots.start();
    const first = await slots.acquire(CAP, 'run-1', signal());
    const order: string[] = [];
    const second = slots.acquire(CAP, 'run-2', signal()).then((slot) => (order.push('run-2'), slot));
    const third = slots.acquire(CAP, 'run-3', signal()).then((slot) => (order.push('run-3'), slot));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual([]);

    await first.release();
    const got = await second;
    expect(order).toEqual(['run-2']);
    expect(got.waitedMs).toBeGreaterThanOrEqual(0);
    await got.release();
    await got.release(); // idempotent: frees one slot, not two
    await (await third).release();
    expect(order).toEqual(['run-2', 'run-3']);
    await slots.stop();
  });

  it('wakes a waiter of another process when a slot is released there', async () => {
    const { make } = setup();
    const here = make();
    const there = make();
    await Promise.all([here.start(), there.start()]);
    const held = await here.acquire(CAP, 'run-1', signal());
    const waiting = there.acquire(CAP, 'run-2', signal());
    await held.release();
    await (await waiting).release();
    await Promise.all([here.stop(), there.stop()]);
  });

  it('keeps a held lease alive past its first term', async () => {
    const { make, driver } = setup();
    const slots = make();
    await slots.start();
    const held = await slots.acquire(CAP, 'run-1', signal());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await driver.tryAcquire(CAP.id, 'intruder', 1, 1_000)).toBe(false);
    await held.release();
    await slots.stop();
  });

  it('finds a slot freed by an expired lease on its poll', async () => {
    const { make, driver } = setup({ pollMs: 20 });
    const slots = make();
    await slots.start();
    expect(await driver.tryAcquire(CAP.id, 'crashed-worker', 1, 100)).toBe(true);
    const slot = await slots.acquire(CAP, 'run-1', signal());
    await slot.release();
    await slots.stop();
  });

  it('gives up waiting when the signal aborts, and stop rejects those still waiting', async () => {
    const { make } = setup();
    const slots = make();
    await slots.start();
    const held = await slots.acquire(CAP, 'run-1', signal());
    const abort = new AbortController();
    const aborted = slots.acquire(CAP, 'run-2', abort.signal);
    abort.abort(new Error('consumer closing'));
    await expect(aborted).rejects.toThrow('consumer closing');
    await expect(slots.acquire(CAP, 'run-3', abort.signal)).rejects.toThrow('consumer closing');

    const stranded = slots.acquire(CAP, 'run-4', signal());
    await slots.stop(new Error('stopping'));
    await expect(stranded).rejects.toThrow('stopping');
    await held.release();
  });

  it('logs a failed release and a failed take, and keeps serving', async () => {
    const { make, driver, lines } = setup({ pollMs: 20 });
    const slots = make();
    await slots.start();
    const held = await slots.acquire(CAP, 'run-1', signal());
    jest.spyOn(driver, 'release').mockRejectedValueOnce(new Error('redis is down'));
    await held.release();
    expect(lines.join('')).toContain('releasing a batch slot failed');

    // The fast path and then the queue's first try both fail: the waiter is served on a later poll,
    // once the lease the failed release left behind (300 ms) has lapsed.
    jest
      .spyOn(driver, 'tryAcquire')
      .mockRejectedValueOnce(new Error('redis blip'))
      .mockRejectedValueOnce(new Error('redis blip'));
    const later = await slots.acquire(CAP, 'run-2', signal());
    expect(lines.join('')).toContain('taking a batch slot failed');
    await later.release();
    await slots.stop();
  });

  it('logs a failed lease renewal', async () => {
    const { make, driver, lines } = setup();
    const slots = make();
    await slots.start();
    const held = await slots.acquire(CAP, 'run-1', signal());
    jest.spyOn(driver, 'renew').mockRejectedValue(new Error('redis is down'));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(lines.join('')).toContain('renewing batch slot leases failed');
    await held.release();
    await slots.stop();
  });

  it('gives back a slot taken for a waiter that gave up while the driver answered', async () => {
    const { make, driver } = setup();
    const here = make();
    const there = make();
    await Promise.all([here.start(), there.start()]);
    const held = await there.acquire(CAP, 'run-1', signal());
    const abort = new AbortController();
    const waiting = here.acquire(CAP, 'run-2', abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The take that the release elsewhere triggers answers only after the waiter aborted.
    const take = jest.spyOn(driver, 'tryAcquire');
    take.mockImplementationOnce(async (...args) => {
      abort.abort(new Error('gave up'));
      take.mockRestore();
      return driver.tryAcquire(...args);
    });
    const release = jest.spyOn(driver, 'release');
    await held.release();
    await expect(waiting).rejects.toThrow('gave up');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(release).toHaveBeenCalledWith(CAP.id, expect.stringMatching(/^run-2#/));
    expect(await driver.tryAcquire(CAP.id, 'run-3', 1, 1_000)).toBe(true);
    await Promise.all([here.stop(), there.stop()]);
  });

  it('never lets a run retried while its old lease is passed on take a second slot', async () => {
    const { make } = setup();
    const slots = make();
    await slots.start();
    const first = await slots.acquire(CAP, 'run-1', signal());
    const handedOn = slots.acquire(CAP, 'run-2', signal());
    await new Promise((resolve) => setTimeout(resolve, 10));
    await first.release();
    const second = await handedOn;
    // run-1's retry must wait: its first lease is now run-2's.
    let retried = false;
    const retry = slots.acquire(CAP, 'run-1', signal()).then((slot) => ((retried = true), slot));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(retried).toBe(false);
    await second.release();
    await (await retry).release();
    await slots.stop();
  });

  it('passes a released slot straight to the next waiter here, without the driver', async () => {
    const { make, driver } = setup();
    const slots = make();
    await slots.start();
    const first = await slots.acquire({ id: 'b', concurrency: 1 }, 'run-1', signal());
    const next = slots.acquire({ id: 'b', concurrency: 1 }, 'run-2', signal());
    await new Promise((resolve) => setTimeout(resolve, 10));
    const take = jest.spyOn(driver, 'tryAcquire');
    const release = jest.spyOn(driver, 'release');
    await first.release();
    const second = await next;
    expect(take).not.toHaveBeenCalled();
    expect(release).not.toHaveBeenCalled();
    // Still one holder of the batch's single slot, then none.
    expect(await driver.tryAcquire('b', 'intruder', 1, 1_000)).toBe(false);
    await second.release();
    expect(release).toHaveBeenCalledTimes(1);
    expect(await driver.tryAcquire('b', 'intruder', 1, 1_000)).toBe(true);
    await slots.stop();
  });
});
