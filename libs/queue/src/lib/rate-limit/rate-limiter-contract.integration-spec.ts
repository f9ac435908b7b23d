import { type RateLimitPolicy, type RateLimitSnapshot, type RateLimiter } from '@gtr/engine';
import { sleep } from '../../../test/async-helpers';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../../test/redis-test-keys';
import { createRateLimiter } from './create-rate-limiter';

const KEY = 'mock:gpt-4o-mini';
const ONE = { requests: 1, tokens: 100 };

function snapshot(limitRequests: number | null, limitTokens: number | null = null): RateLimitSnapshot {
  return {
    limitRequests,
    limitTokens,
    remainingRequests: null,
    remainingTokens: null,
    resetRequestsMs: null,
    resetTokensMs: null,
  };
}

/** When each of `calls` resolved, relative to `started`, in resolution order. */
async function resolvedAt(started: number, calls: Promise<unknown>[]): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(calls.map((call) => call.then(() => times.push(Date.now() - started))));
  return times;
}

describe.each([
  ['in-process', undefined],
  ['redis', TEST_REDIS_URL],
])('RateLimiter contract (%s)', (_driverName, redisUrl) => {
  const open: RateLimiter[] = [];
  const prefixes: string[] = [];
  let prefix = '';

  /** A limiter on this test's prefix; two of them behave like two worker processes. */
  function limiter(policy: Partial<RateLimitPolicy> = {}): RateLimiter {
    const created = createRateLimiter({
      prefix,
      redisUrl,
      policy: { headroom: 0, probePollMs: 10, ...policy },
    });
    open.push(created);
    return created;
  }

  beforeEach(() => {
    prefix = uniquePrefix('ratelimit');
    prefixes.push(prefix);
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((created) => created.close()));
  });

  afterAll(async () => {
    if (redisUrl) await Promise.all(prefixes.map((used) => deleteKeys(used)));
  });

  it('spreads concurrent calls one slot apart, shared by every limiter on the prefix', async () => {
    const [a, b] = [limiter(), limiter()];
    const limits = { requestsPerMinute: 1_200 }; // one call every 50 ms
    const started = Date.now();
    const times = await resolvedAt(
      started,
      [a, b, a, b, a].map((l) => l.acquire(KEY, ONE, limits)),
    );

    expect(times).toHaveLength(5);
    // Timers may fire a millisecond early; nothing may go a slot early.
    times.forEach((time, i) => expect(time).toBeGreaterThanOrEqual(i * 50 - 2));
  });

  it('reports the wait of each call', async () => {
    const a = limiter();
    const grants = await Promise.all([0, 1, 2].map(() => a.acquire(KEY, ONE, { requestsPerMinute: 600 })));
    const waits = grants.map((grant) => grant.waitedMs).sort((x, y) => x - y);

    expect(waits[1]).toBeGreaterThanOrEqual(98);
    expect(waits[2]).toBeGreaterThanOrEqual(198);
  });

  it('paces tokens, and charges or gives back corrections', async () => {
    const a = limiter();
    const limits = { tokensPerMinute: 600_000 }; // 10 tokens per ms
    await a.acquire(KEY, { requests: 1, tokens: 500 }, limits);
    await a.adjust(KEY, { tokensDelta: 1_500 });
    const charged = await a.acquire(KEY, { requests: 1, tokens: 5_000 }, limits);
    expect(charged.waitedMs).toBeGreaterThanOrEqual(180);

    await a.adjust(KEY, { tokensDelta: -5_000 });
    const [refunded] = await resolvedAt(Date.now(), [a.acquire(KEY, { requests: 1, tokens: 1 }, limits)]);
    expect(refunded).toBeLessThan(400);
  });

  it('shares learned limits and paces by them', async () => {
    const [a, b] = [limiter(), limiter()];
    await a.learn(KEY, snapshot(600, 90_000));

    expect(await b.state(KEY)).toEqual({
      learned: { requestsPerMinute: 600, tokensPerMinute: 90_000 },
      unreported: false,
      pausedForMs: 0,
    });
    const times = await resolvedAt(
      Date.now(),
      [0, 1].map(() => b.acquire(KEY, ONE)),
    );
    expect(times[1]).toBeGreaterThanOrEqual(98);
  });

  it('lets one call probe an unknown key and holds the others until its answer', async () => {
    const [a, b] = [limiter(), limiter()];
    await a.acquire(KEY, ONE);
    let held = true;
    const waiting = b.acquire(KEY, ONE).then(() => (held = false));
    await sleep(100);
    expect(held).toBe(true);

    await a.learn(KEY, snapshot(60_000));
    await waiting;
    expect(held).toBe(false);
  });

  it('keeps the calls after a probe one slot away from it', async () => {
    const [a, b] = [limiter(), limiter()];
    await a.acquire(KEY, ONE);
    await a.learn(KEY, snapshot(600));

    expect((await b.acquire(KEY, ONE)).waitedMs).toBeGreaterThanOrEqual(90);
  });

  it('stops probing a key whose provider reports no limits, keeping limits another answer reported', async () => {
    const [a, b] = [limiter(), limiter()];
    await a.acquire(KEY, ONE);
    await a.learn(KEY, null);
    expect(await b.state(KEY)).toEqual({ learned: null, unreported: true, pausedForMs: 0 });
    await Promise.all([b.acquire(KEY, ONE), b.acquire(KEY, ONE), a.acquire(KEY, ONE)]);

    await a.learn('other', snapshot(null, 5_000));
    await a.learn('other', null);
    expect((await b.state('other')).learned).toEqual({ requestsPerMinute: null, tokensPerMinute: 5_000 });
  });

  it('forgets learned limits after their ttl', async () => {
    const a = limiter({ learnedTtlMs: 150 });
    await a.learn(KEY, snapshot(600));
    await sleep(300);
    expect(await a.state(KEY)).toEqual({ learned: null, unreported: false, pausedForMs: 0 });
  });

  it('lets the next call probe when the probing one does not answer within the lease', async () => {
    const a = limiter({ probeLeaseMs: 150 });
    await a.acquire(KEY, ONE);
    const second = await a.acquire(KEY, ONE);
    expect(second.waitedMs).toBeGreaterThanOrEqual(100);
  });

  it('pauses a key for every limiter, and a probe that got the 429 lets the next call go after it', async () => {
    const [a, b] = [limiter(), limiter()];
    await a.acquire(KEY, ONE);
    await a.pause(KEY, 200);
    const state = await b.state(KEY);
    expect(state.pausedForMs).toBeGreaterThan(100);
    expect(state.pausedForMs).toBeLessThanOrEqual(200);

    const grant = await b.acquire(KEY, ONE, { requestsPerMinute: 60_000 });
    expect(grant.waitedMs).toBeGreaterThanOrEqual(100);
    // Redis keeps time in fractions of a millisecond: the grant may land a hair before the end.
    expect((await b.state(KEY)).pausedForMs).toBeLessThan(2);
  });

  it('caps a pause and keeps the longer of two', async () => {
    const a = limiter({ maxPauseMs: 1_000 });
    await a.pause(KEY, 60_000);
    await a.pause(KEY, 10);
    await a.pause(KEY, 0);
    const { pausedForMs } = await a.state(KEY);
    expect(pausedForMs).toBeGreaterThan(900);
    expect(pausedForMs).toBeLessThanOrEqual(1_000);
  });

  it('gives the slot of an aborted call to the next one', async () => {
    const a = limiter();
    const limits = { requestsPerMinute: 60 }; // one call a second
    await a.acquire(KEY, ONE, limits);
    const controller = new AbortController();
    const aborted = a.acquire(KEY, ONE, limits, controller.signal);
    await sleep(20);
    controller.abort(new Error('run cancelled'));
    await expect(aborted).rejects.toThrow('run cancelled');

    const next = await a.acquire(KEY, ONE, limits);
    expect(next.waitedMs).toBeGreaterThanOrEqual(900);
    expect(next.waitedMs).toBeLessThan(1_700); // not the slot after the aborted one, 2 s away
  });

  it('keeps keys apart, and ignores refunds and corrections of unknown keys', async () => {
    const a = limiter();
    await a.acquire('x', ONE, { requestsPerMinute: 60 });
    expect((await a.acquire('y', ONE, { requestsPerMinute: 60 })).waitedMs).toBeLessThan(500);
    await a.adjust('never-seen', { tokensDelta: 50 });
    const controller = new AbortController();
    controller.abort();
    await expect(a.acquire('z', ONE, {}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects calls after close', async () => {
    const a = limiter();
    await a.close();
    await a.close();
    await expect(a.acquire(KEY, ONE)).rejects.toThrow('closed');
  });
});

describe('createRateLimiter', () => {
  it('requires a prefix and a valid policy', () => {
    expect(() => createRateLimiter({ prefix: '' })).toThrow('prefix');
    expect(() => createRateLimiter({ prefix: 'p', policy: { headroom: 2 } })).toThrow('headroom');
  });
});
