import { FakeClock } from '../../../test/fake-clock';
import { createInProcessRateLimiter } from './create-in-process-rate-limiter';
import { InProcessRateLimitStore } from './in-process-rate-limit-store';
import { PacedRateLimiter } from './paced-rate-limiter';
import { rateLimitPolicy } from './rate-limit-policy';
import { type RateLimitCost } from './rate-limit-cost';
import { type RateLimiter } from './rate-limiter';
import { type RateLimits } from './rate-limits';

const ONE_REQUEST: RateLimitCost = { requests: 1, tokens: 0 };

/** Starts `count` acquires at once and returns the clock time at which each one was let go. */
async function startTimes(
  clock: FakeClock,
  limiter: RateLimiter,
  count: number,
  limits: RateLimits,
  cost: (i: number) => RateLimitCost = () => ONE_REQUEST,
  key = 'openai:gpt-4o-mini',
): Promise<number[]> {
  const times: number[] = [];
  const calls = Array.from({ length: count }, (_, i) =>
    limiter.acquire(key, cost(i), limits).then(() => times.push(clock.now())),
  );
  while (times.length < count) await clock.advance(1_000);
  await Promise.all(calls);
  return times;
}

/** The most calls that started within any `windowMs` (a sliding window, as providers count). */
function busiestWindow(times: number[], windowMs: number, weights: number[] = times.map(() => 1)): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let sum = 0;
    for (let j = i; j < times.length && times[j] - times[i] < windowMs; j++) sum += weights[j];
    best = Math.max(best, sum);
  }
  return best;
}

describe('the rate limiter spreads calls evenly over the minute', () => {
  it('lets 600 RPM go one call every 100 ms when the provider counts per minute', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
    const times = await startTimes(clock, limiter, 120, { requestsPerMinute: 600 });

    times.forEach((time, i) => expect(time).toBe(i * 100));
  });

  it('keeps the headroom unused: 3 % leaves 97 % of the limit, spaced evenly', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0.03, quantumMs: 0 } });
    const times = await startTimes(clock, limiter, 50, { requestsPerMinute: 600 });

    const gap = 100 / 0.97;
    times.forEach((time, i) => expect(time).toBeCloseTo(i * gap, 6));
  });

  it('never lets a provider counting per second see more than 600 RPM / 60 in any second', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({
      clock,
      policy: { headroom: 0, quantumMs: 1_000, jitterMs: 40 },
    });
    const times = await startTimes(clock, limiter, 120, { requestsPerMinute: 600 });

    // 10 calls spread over 1 040 ms: an 11th reaches the same second only if the network
    // holds the first one back 40 ms longer than the 11th.
    times.forEach((time, i) => expect(time).toBeCloseTo(i * 104, 6));
    expect(busiestWindow(times, 1_000)).toBe(10);
    const firstLate = (ms: number) => times.map((time, i) => (i === 0 ? time + ms : time));
    expect(busiestWindow(firstLate(39), 1_000)).toBe(10);
    expect(busiestWindow(firstLate(41), 1_000)).toBe(11);
  });

  it('fits whole calls into each second of a token limit counted per second', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({
      clock,
      policy: { headroom: 0, quantumMs: 1_000, jitterMs: 50 },
    });
    // 100 000 TPM = 1 666 tokens a second: 37 calls of 44 tokens fit (1 628), a 38th would not.
    const costs = Array.from({ length: 200 }, () => 44);
    const times = await startTimes(clock, limiter, costs.length, { tokensPerMinute: 100_000 }, (i) => ({
      requests: 1,
      tokens: costs[i],
    }));

    // 37 calls a 1 050 ms: 36 in any second, and 38 only if the first arrives over 50 ms late.
    times.forEach((time, i) => expect(time).toBeCloseTo((i * 1_050) / 37, 6));
    expect(busiestWindow(times, 1_000, costs)).toBe(36 * 44);
    const firstLate = (ms: number) => times.map((time, i) => (i === 0 ? time + ms : time));
    expect(busiestWindow(firstLate(49), 1_000, costs)).toBeLessThanOrEqual(1_666);
    expect(busiestWindow(firstLate(51), 1_000, costs)).toBeGreaterThan(1_666);
  });

  it('falls back to the share of the minute for calls larger than a second’s share', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({
      clock,
      policy: { headroom: 0, quantumMs: 1_000, jitterMs: 50 },
    });
    const times = await startTimes(clock, limiter, 3, { tokensPerMinute: 60_000 }, () => ({
      requests: 1,
      tokens: 1_500,
    }));

    expect(times).toEqual([0, 1_500, 3_000]);
  });

  it('paces tokens per minute by each call’s token cost', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
    // 60 000 TPM = 1 token per ms: a call of 500 tokens holds the next one back 500 ms.
    const costs = [500, 100, 250, 1_000, 50];
    const times = await startTimes(clock, limiter, costs.length, { tokensPerMinute: 60_000 }, (i) => ({
      requests: 1,
      tokens: costs[i],
    }));

    expect(times).toEqual([0, 500, 600, 850, 1_850]);
  });

  it('waits for the stricter of the two limits', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
    const limits = { requestsPerMinute: 600, tokensPerMinute: 60_000 };
    // 200 tokens = 200 ms, more than the 100 ms a request takes; 50 tokens = 50 ms, less.
    const costs = [200, 200, 50, 50, 50];
    const times = await startTimes(clock, limiter, costs.length, limits, (i) => ({
      requests: 1,
      tokens: costs[i],
    }));

    expect(times).toEqual([0, 200, 400, 500, 600]);
  });

  it('never lets a key bank idle time into a burst', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
    await startTimes(clock, limiter, 3, { requestsPerMinute: 600 });
    await clock.advance(60_000);
    const start = clock.now();

    const times = await startTimes(clock, limiter, 5, { requestsPerMinute: 600 });

    expect(times.map((time) => time - start)).toEqual([0, 100, 200, 300, 400]);
  });

  it('paces keys independently and ignores dimensions a call does not use', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
    const limits = { requestsPerMinute: 60, tokensPerMinute: 600 };

    await limiter.acquire('a', { requests: 1, tokens: 10 }, limits);
    expect(await limiter.acquire('b', { requests: 1, tokens: 10 }, limits)).toEqual({ waitedMs: 0 });
    // Key a's next request slot is 1 s away, its next token slot 1 s too; a call of no tokens
    // and no requests costs nothing and waits for nothing.
    expect(await limiter.acquire('a', { requests: 0, tokens: 0 }, limits)).toEqual({ waitedMs: 0 });
  });

  it('shares one schedule between limiters on one store, as processes on one Redis do', async () => {
    const clock = new FakeClock();
    const store = new InProcessRateLimitStore(rateLimitPolicy({ headroom: 0, quantumMs: 0 }), clock);
    const first = new PacedRateLimiter(store, clock);
    const second = new PacedRateLimiter(store, clock);
    const times: number[] = [];
    const limits = { requestsPerMinute: 1_200 };
    const calls = [first, second, first, second].map((limiter) =>
      limiter.acquire('k', ONE_REQUEST, limits).then(() => times.push(clock.now())),
    );
    await clock.advance(1_000);
    await Promise.all(calls);

    expect(times).toEqual([0, 50, 100, 150]);
  });

  it('reports how long each call waited', async () => {
    const clock = new FakeClock();
    const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
    const grants = Promise.all(
      [0, 1, 2].map(() => limiter.acquire('k', ONE_REQUEST, { requestsPerMinute: 120 })),
    );
    await clock.advance(2_000);

    expect((await grants).map((grant) => grant.waitedMs)).toEqual([0, 500, 1_000]);
  });
});
