import { type AttemptOutcome } from '../attempt/execute-attempt';
import { ProviderError } from '../errors/provider-error';
import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';
import { FakeClock } from '../../../test/fake-clock';
import { createInProcessRateLimiter } from './create-in-process-rate-limiter';
import { type RateLimiter } from './rate-limiter';
import { recordRateLimitOutcome } from './record-rate-limit-outcome';

const KEY = 'openai:gpt-4o-mini';
const RPM_600 = { requestsPerMinute: 600 };
const ONE = { requests: 1, tokens: 300 };

const headers: RateLimitSnapshot = {
  limitRequests: 600,
  limitTokens: 150_000,
  remainingRequests: 0,
  remainingTokens: 20_000,
  resetRequestsMs: 100,
  resetTokensMs: 8_000,
};

function setup(policy = {}) {
  const clock = new FakeClock();
  const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0, ...policy } });
  return { clock, limiter };
}

function success(usageTokens: number, rateLimit: RateLimitSnapshot | null): AttemptOutcome {
  return {
    ok: true,
    latencyMs: 5,
    result: {
      text: 'hi',
      usage: {
        promptTokens: 10,
        completionTokens: usageTokens - 10,
        totalTokens: usageTokens,
        cachedTokens: 0,
      },
      finishReason: 'stop',
      providerRequestId: null,
      httpStatus: 200,
      rateLimit,
    },
  };
}

function failure(error: ProviderError): AttemptOutcome {
  return { ok: false, latencyMs: 5, error };
}

/** A limiter whose every call is recorded, to see what an outcome makes the helper do. */
function recording(): RateLimiter & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args.slice(1)]);
    };
  return {
    calls,
    acquire: async () => ({ waitedMs: 0 }),
    adjust: record('adjust'),
    learn: record('learn'),
    pause: record('pause'),
    state: async () => ({ learned: null, unreported: false, pausedForMs: 0 }),
    close: async () => undefined,
  };
}

describe('the rate limiter pauses a key on a 429', () => {
  it('holds every call for the pause, then lets them go evenly spaced', async () => {
    const { clock, limiter } = setup();
    await limiter.pause(KEY, 2_000);
    expect((await limiter.state(KEY)).pausedForMs).toBe(2_000);

    const grants = Promise.all([0, 1, 2].map(() => limiter.acquire(KEY, ONE, RPM_600)));
    await clock.advance(3_000);
    expect((await grants).map((grant) => grant.waitedMs)).toEqual([2_000, 2_100, 2_200]);
    expect((await limiter.state(KEY)).pausedForMs).toBe(0);
  });

  it('sends a call that was waiting for its slot when the pause began to a slot after it', async () => {
    const { clock, limiter } = setup();
    const first = limiter.acquire(KEY, ONE, RPM_600);
    const second = limiter.acquire(KEY, ONE, RPM_600); // slot at 100 ms
    await clock.advance(50);
    await limiter.pause(KEY, 500); // until 550 ms
    await clock.advance(1_000);

    expect(await first).toEqual({ waitedMs: 0 });
    expect(await second).toEqual({ waitedMs: 550 });
  });

  it('keeps a slot that lies after a pause set while waiting for it', async () => {
    const { clock, limiter } = setup();
    const grants = Promise.all([0, 1, 2].map(() => limiter.acquire(KEY, ONE, RPM_600)));
    await clock.advance(10);
    await limiter.pause(KEY, 140); // until 150 ms: only the slot at 100 ms falls in it
    await clock.advance(1_000);

    expect((await grants).map((grant) => grant.waitedMs)).toEqual([0, 300, 200]);
  });

  it('keeps the longer of two pauses and caps a pause at maxPauseMs', async () => {
    const { limiter } = setup({ maxPauseMs: 10_000 });
    await limiter.pause(KEY, 5_000);
    await limiter.pause(KEY, 1_000);
    await limiter.pause(KEY, 0);
    expect((await limiter.state(KEY)).pausedForMs).toBe(5_000);
    await limiter.pause(KEY, 600_000);
    expect((await limiter.state(KEY)).pausedForMs).toBe(10_000);
    await expect(limiter.pause(KEY, Number.POSITIVE_INFINITY)).rejects.toThrow('finite');
  });

  it('pauses an unknown key too, and a probe that got the 429 frees the next call after the pause', async () => {
    const { clock, limiter } = setup();
    const probe = limiter.acquire(KEY, ONE);
    const next = limiter.acquire(KEY, ONE);
    await clock.advance(20);
    await limiter.pause(KEY, 1_000);
    await clock.advance(2_000);

    expect(await probe).toEqual({ waitedMs: 0 });
    expect(await next).toEqual({ waitedMs: 1_020 });
  });
});

describe('recordRateLimitOutcome tells the limiter how a call ended', () => {
  it('learns from a success and charges tokens used beyond the estimate', async () => {
    const limiter = recording();
    await recordRateLimitOutcome(limiter, KEY, ONE, success(340, headers));
    expect(limiter.calls).toEqual([
      ['learn', headers],
      ['adjust', { tokensDelta: 40 }],
    ]);
  });

  it('marks a key unreported after a success without headers, and gives back unused tokens in exact mode', async () => {
    const limiter = recording();
    await recordRateLimitOutcome(limiter, KEY, ONE, success(120, null), { tokenCorrection: 'exact' });
    expect(limiter.calls).toEqual([
      ['learn', null],
      ['adjust', { tokensDelta: -180 }],
    ]);
  });

  it('does not adjust when the estimate covered the call', async () => {
    const limiter = recording();
    await recordRateLimitOutcome(limiter, KEY, ONE, success(120, headers));
    expect(limiter.calls).toEqual([['learn', headers]]);
  });

  it('learns from a 429’s headers and pauses for its retry-after', async () => {
    const limiter = recording();
    const error = new ProviderError('E_RATE_LIMIT', 'slow down', {
      httpStatus: 429,
      retryAfterMs: 750,
      rateLimit: headers,
    });
    await recordRateLimitOutcome(limiter, KEY, ONE, failure(error));
    expect(limiter.calls).toEqual([
      ['learn', headers],
      ['pause', 750],
    ]);
  });

  it('pauses a 429 without retry-after for the default, without marking the key unreported', async () => {
    const limiter = recording();
    const error = new ProviderError('E_RATE_LIMIT', 'slow down', { httpStatus: 429 });
    await recordRateLimitOutcome(limiter, KEY, ONE, failure(error));
    await recordRateLimitOutcome(limiter, KEY, ONE, failure(error), { defaultPauseMs: 250 });
    expect(limiter.calls).toEqual([
      ['pause', 1_000],
      ['pause', 250],
    ]);
  });

  it('does not pause on an exhausted quota or other failures, but learns what their answer tells', async () => {
    const limiter = recording();
    const quota = new ProviderError('E_QUOTA', 'no credit', { httpStatus: 429, rateLimit: headers });
    await recordRateLimitOutcome(limiter, KEY, ONE, failure(quota));
    await recordRateLimitOutcome(
      limiter,
      KEY,
      ONE,
      failure(new ProviderError('E_SERVER_ERROR', 'boom', { httpStatus: 500 })),
    );
    await recordRateLimitOutcome(limiter, KEY, ONE, failure(new ProviderError('E_TIMEOUT')));
    expect(limiter.calls).toEqual([
      ['learn', headers],
      // A 500 without limit headers: the key reports none, as a success without them would.
      ['learn', null],
      // No answer at all: only the probe lease this call may hold is released.
      ['pause', 0],
    ]);
  });

  it('lets the calls waiting for a probe go once the probe times out, instead of waiting out the lease', async () => {
    const { clock, limiter } = setup({ probeLeaseMs: 5_000 });
    await limiter.acquire(KEY, ONE); // the probe
    let next = false;
    const waiting = limiter.acquire(KEY, ONE).then(() => (next = true));
    await clock.advance(100);
    expect(next).toBe(false);
    await recordRateLimitOutcome(limiter, KEY, ONE, failure(new ProviderError('E_TIMEOUT')));
    await clock.advance(100);
    await waiting;
    expect(next).toBe(true);
  });

  it('drives a real limiter: a 429 pauses it, a success teaches it', async () => {
    const { clock, limiter } = setup();
    const error = new ProviderError('E_RATE_LIMIT', 'slow down', {
      httpStatus: 429,
      retryAfterMs: 300,
      rateLimit: headers,
    });
    await recordRateLimitOutcome(limiter, KEY, ONE, failure(error));
    expect(await limiter.state(KEY)).toEqual({
      learned: { requestsPerMinute: 600, tokensPerMinute: 150_000 },
      unreported: false,
      pausedForMs: 300,
    });
    await clock.advance(300);
    await recordRateLimitOutcome(limiter, KEY, ONE, success(100, null));
    expect((await limiter.state(KEY)).learned).toEqual({ requestsPerMinute: 600, tokensPerMinute: 150_000 });
  });
});
