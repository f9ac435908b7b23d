import { SlidingWindowLimiter } from './sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  it('admits rpm requests a minute, then rejects until the oldest leaves the window', () => {
    const limiter = new SlidingWindowLimiter();
    const limits = { rpm: 2, tpm: null, window: 'minute' as const };
    expect(limiter.admit(0, 10, limits).rejection).toBeNull();
    const second = limiter.admit(1000, 10, limits);
    expect(second.rejection).toBeNull();
    expect(second.requests).toEqual({ limit: 2, remaining: 0, resetMs: 60_000 });
    expect(second.tokens).toBeNull();

    const third = limiter.admit(2000, 10, limits);
    expect(third.rejection).toEqual({
      dimension: 'requests',
      window: 'minute',
      limit: 2,
      used: 2,
      requested: 1,
      retryAfterMs: 58_000,
    });
    expect(third.requests).toEqual({ limit: 2, remaining: 0, resetMs: 59_000 });

    expect(limiter.admit(60_000, 10, limits).rejection).toBeNull();
  });

  it('with the second window allows rpm/60 per second while the minute view still has room', () => {
    const limiter = new SlidingWindowLimiter();
    const limits = { rpm: 120, tpm: null, window: 'second' as const };
    expect(limiter.admit(0, 1, limits).rejection).toBeNull();
    expect(limiter.admit(100, 1, limits).rejection).toBeNull();
    const third = limiter.admit(200, 1, limits);
    expect(third.rejection).toMatchObject({
      dimension: 'requests',
      window: 'second',
      limit: 2,
      retryAfterMs: 800,
    });
    expect(third.requests).toMatchObject({ limit: 120, remaining: 118 });
    expect(limiter.admit(1000, 1, limits).rejection).toBeNull();
  });

  it('quantises a per-minute limit below 60 to one a second', () => {
    const limiter = new SlidingWindowLimiter();
    const limits = { rpm: 30, tpm: 30, window: 'second' as const };
    expect(limiter.admit(0, 1, limits).rejection).toBeNull();
    expect(limiter.admit(10, 1, limits).rejection).toMatchObject({ window: 'second', limit: 1 });
  });

  it('counts tokens and waits until enough of them leave the window', () => {
    const limiter = new SlidingWindowLimiter();
    const limits = { rpm: null, tpm: 1000, window: 'minute' as const };
    expect(limiter.admit(0, 400, limits).rejection).toBeNull();
    expect(limiter.admit(10_000, 400, limits).tokens).toEqual({
      limit: 1000,
      remaining: 200,
      resetMs: 60_000,
    });
    const third = limiter.admit(20_000, 400, limits);
    expect(third.rejection).toEqual({
      dimension: 'tokens',
      window: 'minute',
      limit: 1000,
      used: 800,
      requested: 400,
      retryAfterMs: 40_000,
    });
    expect(third.requests).toBeNull();
    expect(limiter.admit(20_000, 200, limits).rejection).toBeNull();
    // 1000 used: 800 must leave before 800 more fit, i.e. both of the first two entries.
    expect(limiter.admit(30_000, 800, limits).rejection?.retryAfterMs).toBe(40_000);
  });

  it('answers a request larger than the whole token limit with a full window', () => {
    const limiter = new SlidingWindowLimiter();
    const rejection = limiter.admit(0, 5000, { rpm: null, tpm: 1000, window: 'minute' }).rejection;
    expect(rejection).toMatchObject({ dimension: 'tokens', requested: 5000, retryAfterMs: 60_000 });
    expect(limiter.admit(0, 5000, { rpm: null, tpm: 1000, window: 'second' }).rejection?.retryAfterMs).toBe(
      60_000,
    );
  });

  it('reports requests first but waits for every limit it broke', () => {
    const limiter = new SlidingWindowLimiter();
    const limits = { rpm: 2, tpm: 100, window: 'minute' as const };
    limiter.admit(0, 90, limits);
    limiter.admit(1000, 10, limits);
    // Requests free up at 60 s, but 95 tokens fit only once the second entry leaves at 61 s.
    const rejection = limiter.admit(5000, 95, limits).rejection;
    expect(rejection).toMatchObject({ dimension: 'requests', retryAfterMs: 56_000 });
  });

  it('keeps nothing when unlimited and forgets everything on reset', () => {
    const limiter = new SlidingWindowLimiter();
    const none = limiter.admit(0, 10, { rpm: null, tpm: null, window: 'minute' });
    expect(none).toEqual({ requests: null, tokens: null, rejection: null });
    const limits = { rpm: 1, tpm: null, window: 'minute' as const };
    expect(limiter.admit(0, 1, limits).rejection).toBeNull();
    expect(limiter.admit(1, 1, limits).rejection).not.toBeNull();
    limiter.reset();
    expect(limiter.admit(2, 1, limits).rejection).toBeNull();
  });
});
