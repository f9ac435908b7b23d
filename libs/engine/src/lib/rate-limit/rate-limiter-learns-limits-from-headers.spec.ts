import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';
import { FakeClock } from '../../../test/fake-clock';
import { createInProcessRateLimiter } from './create-in-process-rate-limiter';
import { type RateLimitCost } from './rate-limit-cost';

const ONE: RateLimitCost = { requests: 1, tokens: 100 };
const KEY = 'openai:gpt-4o-mini';

function snapshot(fields: Partial<RateLimitSnapshot>): RateLimitSnapshot {
  return {
    limitRequests: null,
    limitTokens: null,
    remainingRequests: null,
    remainingTokens: null,
    resetRequestsMs: null,
    resetTokensMs: null,
    ...fields,
  };
}

function setup(policy = {}) {
  const clock = new FakeClock();
  const limiter = createInProcessRateLimiter({
    clock,
    policy: {
      headroom: 0,
      quantumMs: 0,
      probeLeaseMs: 5_000,
      probePollMs: 50,
      learnedTtlMs: 60_000,
      ...policy,
    },
  });
  const settled: number[] = [];
  /** Starts a call with no configured limits; its index lands in `settled` when it is let go. */
  const start = (index: number, limits = {}) =>
    limiter.acquire(KEY, ONE, limits).then((grant) => {
      settled.push(index);
      return grant;
    });
  return { clock, limiter, settled, start };
}

describe('the rate limiter learns limits from the provider’s headers', () => {
  it('lets one call probe an unknown key and holds the others until its answer', async () => {
    const { clock, limiter, settled, start } = setup();
    const calls = [0, 1, 2].map((i) => start(i));
    await clock.advance(1_000);
    expect(settled).toEqual([0]);

    await limiter.learn(
      KEY,
      snapshot({ limitRequests: 600, limitTokens: 1_000_000, remainingRequests: 599 }),
    );
    await clock.advance(50);
    expect(settled).toEqual([0, 1]);
    await clock.advance(100);
    expect(settled).toEqual([0, 1, 2]);
    expect((await Promise.all(calls)).map((grant) => grant.waitedMs)).toEqual([0, 1_050, 1_150]);
    expect(await limiter.state(KEY)).toEqual({
      learned: { requestsPerMinute: 600, tokensPerMinute: 1_000_000 },
      unreported: false,
      pausedForMs: 0,
    });
  });

  it('paces by the smaller of the configured and the learned limit', async () => {
    const { clock, limiter, start } = setup();
    await limiter.learn(KEY, snapshot({ limitRequests: 600 }));
    const learnedWins = Promise.all([0, 1].map((i) => start(i, { requestsPerMinute: 6_000 })));
    await clock.advance(1_000);
    expect((await learnedWins).map((grant) => grant.waitedMs)).toEqual([0, 100]);

    await clock.advance(10_000);
    const configuredWins = Promise.all([0, 1, 2].map((i) => start(i, { requestsPerMinute: 300 })));
    await clock.advance(1_000);
    expect((await configuredWins).map((grant) => grant.waitedMs)).toEqual([0, 200, 400]);
  });

  it('keeps the calls after a probe one slot away from it', async () => {
    const { clock, limiter, start } = setup();
    const calls = Promise.all([0, 1].map((i) => start(i)));
    await clock.advance(30);
    // The probe (100 tokens at 0 ms) answered at 30 ms: 600 RPM and 60 000 TPM (1 token/ms).
    await limiter.learn(KEY, snapshot({ limitRequests: 600, limitTokens: 60_000 }));
    await clock.advance(40);
    const more = Promise.all([2, 3].map((i) => start(i)));
    await clock.advance(1_000);

    expect((await calls).map((grant) => grant.waitedMs)).toEqual([0, 100]);
    expect((await more).map((grant) => grant.waitedMs)).toEqual([130, 230]);
  });

  it('stops probing a provider that answers without rate-limit headers', async () => {
    const { clock, limiter, start } = setup();
    const calls = Promise.all([0, 1, 2].map((i) => start(i)));
    await limiter.learn(KEY, null);
    await clock.advance(50);

    expect((await calls).map((grant) => grant.waitedMs)).toEqual([0, 50, 50]);
    expect(await limiter.state(KEY)).toEqual({ learned: null, unreported: true, pausedForMs: 0 });
    expect(await Promise.all([start(3), start(4)])).toEqual([{ waitedMs: 0 }, { waitedMs: 0 }]);
  });

  it('keeps learned limits when one answer comes without headers', async () => {
    const { limiter } = setup();
    await limiter.learn(KEY, snapshot({ limitTokens: 90_000 }));
    await limiter.learn(KEY, null);

    expect((await limiter.state(KEY)).learned).toEqual({ requestsPerMinute: null, tokensPerMinute: 90_000 });
  });

  it('adopts a changed limit from the latest answer', async () => {
    const { limiter } = setup();
    await limiter.learn(KEY, snapshot({ limitRequests: 500, limitTokens: 90_000 }));
    await limiter.learn(KEY, snapshot({ limitRequests: 5_000 }));

    expect((await limiter.state(KEY)).learned).toEqual({ requestsPerMinute: 5_000, tokensPerMinute: null });
  });

  it('ends a probe on an answer that reports no limit, and probes again with the next call', async () => {
    const { clock, limiter, settled, start } = setup();
    const calls = [0, 1, 2].map((i) => start(i));
    await clock.advance(10);
    await limiter.learn(KEY, snapshot({ remainingRequests: 3 }));
    await clock.advance(1_000);

    expect(settled).toEqual([0, 1]);
    expect(await limiter.state(KEY)).toEqual({ learned: null, unreported: false, pausedForMs: 0 });
    await limiter.learn(KEY, snapshot({ limitRequests: 60_000 }));
    await clock.advance(100);
    await Promise.all(calls);
  });

  it('lets the next call probe when the probing one does not answer within the lease', async () => {
    const { clock, settled, start } = setup({ probeLeaseMs: 2_000 });
    const calls = [0, 1, 2].map((i) => start(i));
    await clock.advance(1_990);
    expect(settled).toEqual([0]);
    await clock.advance(20);
    expect(settled).toEqual([0, 1]);
    await clock.advance(2_000);
    expect(settled).toEqual([0, 1, 2]);
    await Promise.all(calls);
  });

  it('forgets learned limits after the ttl, and probes again', async () => {
    const { clock, limiter, settled, start } = setup({ learnedTtlMs: 30_000 });
    await limiter.learn(KEY, snapshot({ limitRequests: 60 }));
    await clock.advance(29_999);
    expect((await limiter.state(KEY)).learned).toEqual({ requestsPerMinute: 60, tokensPerMinute: null });

    await clock.advance(1);
    expect(await limiter.state(KEY)).toEqual({ learned: null, unreported: false, pausedForMs: 0 });
    [0, 1].map((i) => start(i));
    await clock.advance(1_000);
    expect(settled).toEqual([0]);
  });

  it('forgets an unreported key after the ttl too', async () => {
    const { clock, limiter } = setup({ learnedTtlMs: 30_000 });
    await limiter.learn(KEY, null);
    await clock.advance(30_000);
    await limiter.learn(KEY, null);
    await clock.advance(29_000);

    expect((await limiter.state(KEY)).unreported).toBe(true);
  });
});
