import { FakeClock } from '../../../test/fake-clock';
import { createInProcessRateLimiter } from './create-in-process-rate-limiter';
import { InProcessRateLimitStore } from './in-process-rate-limit-store';
import { PacedRateLimiter } from './paced-rate-limiter';
import { rateLimitPolicy } from './rate-limit-policy';
import { type RateLimitStore } from './rate-limit-store';
import { systemClock } from './limiter-clock';

const KEY = 'k';
const ONE = { requests: 1, tokens: 100 };
const LIMITS = { requestsPerMinute: 60, tokensPerMinute: 60_000 }; // 1 s a request, 100 ms per 100 tokens

function setup() {
  const clock = new FakeClock();
  const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
  return { clock, limiter };
}

describe('a call waiting for its slot can be aborted', () => {
  it('rejects with the signal’s reason and gives its slot to the next call', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(KEY, ONE, LIMITS);
    const controller = new AbortController();
    const waiting = limiter.acquire(KEY, ONE, LIMITS, controller.signal);
    const rejected = expect(waiting).rejects.toThrow('run cancelled');
    await clock.advance(200);
    controller.abort(new Error('run cancelled'));
    await rejected;
    expect(clock.pending).toBe(0);

    const next = limiter.acquire(KEY, ONE, LIMITS);
    await clock.advance(1_000);
    expect(await next).toEqual({ waitedMs: 800 });
  });

  it('rejects at once, reserving nothing, when the signal is already aborted', async () => {
    const { clock, limiter } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.acquire(KEY, ONE, LIMITS, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await limiter.acquire(KEY, ONE, LIMITS)).toEqual({ waitedMs: 0 });
    expect(clock.pending).toBe(0);
  });

  it('stops waiting for a probe’s answer when aborted', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(KEY, ONE);
    const controller = new AbortController();
    const waiting = limiter.acquire(KEY, ONE, {}, controller.signal);
    const rejected = expect(waiting).rejects.toThrow('stop');
    await clock.advance(120);
    controller.abort(new Error('stop'));
    await rejected;
  });

  it('still rejects with the abort when the store cannot take the slot back', async () => {
    const clock = new FakeClock();
    const store = new InProcessRateLimitStore(rateLimitPolicy({ headroom: 0, quantumMs: 0 }), clock);
    const failingRefund: RateLimitStore = Object.assign(Object.create(store) as RateLimitStore, {
      refund: () => Promise.reject(new Error('redis down')),
    });
    const limiter = new PacedRateLimiter(failingRefund, clock);
    await limiter.acquire(KEY, ONE, LIMITS);
    const controller = new AbortController();
    const rejected = expect(limiter.acquire(KEY, ONE, LIMITS, controller.signal)).rejects.toThrow(
      'cancelled',
    );
    await clock.advance(10);
    controller.abort(new Error('cancelled'));
    await rejected;
  });
});

describe('the rate limiter checks what it is given', () => {
  it.each([
    [{ requests: -1, tokens: 0 }, 'requests'],
    [{ requests: 1, tokens: Number.NaN }, 'tokens'],
  ])('rejects the cost %p', async (cost, field) => {
    await expect(setup().limiter.acquire(KEY, cost, {})).rejects.toThrow(field);
  });

  it.each([
    [{ requestsPerMinute: 0 }, 'requestsPerMinute'],
    [{ tokensPerMinute: -5 }, 'tokensPerMinute'],
    [{ tokensPerMinute: Number.POSITIVE_INFINITY }, 'tokensPerMinute'],
  ])('rejects the limits %p', async (limits, field) => {
    await expect(setup().limiter.acquire(KEY, ONE, limits)).rejects.toThrow(field);
  });

  it.each([
    [{ headroom: 1 }, 'headroom'],
    [{ headroom: -0.1 }, 'headroom'],
    [{ learnedTtlMs: 0 }, 'learnedTtlMs'],
    [{ probePollMs: 1.5 }, 'probePollMs'],
    [{ jitterMs: -1 }, 'jitterMs'],
  ])('rejects the policy %p', (policy, field) => {
    expect(() => rateLimitPolicy(policy)).toThrow(field);
  });

  it('rejects every call once closed', async () => {
    const { limiter } = setup();
    await limiter.close();
    await limiter.close();
    await expect(limiter.acquire(KEY, ONE, LIMITS)).rejects.toThrow('closed');
    await expect(limiter.learn(KEY, null)).rejects.toThrow('closed');
    await expect(limiter.state(KEY)).rejects.toThrow('closed');
  });
});

describe('the system clock', () => {
  it('sleeps, and rejects at once or on abort', async () => {
    await expect(systemClock.sleep(1)).resolves.toBeUndefined();
    await expect(systemClock.sleep(1, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    expect(systemClock.now()).toBeCloseTo(Date.now(), -2);
  });

  it('drives a default in-process limiter on wall time', async () => {
    const limiter = createInProcessRateLimiter();
    const grants = await Promise.all(
      [1, 2].map(() => limiter.acquire(KEY, ONE, { requestsPerMinute: 600_000 })),
    );
    expect(grants.map((grant) => grant.waitedMs)).toEqual([expect.any(Number), expect.any(Number)]);
  });
});
