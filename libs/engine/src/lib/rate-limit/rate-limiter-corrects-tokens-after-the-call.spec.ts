import { type CompletionRequest } from '../provider/provider';
import { FakeClock } from '../../../test/fake-clock';
import { createInProcessRateLimiter } from './create-in-process-rate-limiter';
import { rateLimitCostOf } from './rate-limit-cost';
import { tokenCorrection } from './token-correction';

const TPM = { tokensPerMinute: 60_000 }; // 1 token per ms

function setup() {
  const clock = new FakeClock();
  const limiter = createInProcessRateLimiter({ clock, policy: { headroom: 0, quantumMs: 0 } });
  /** The wait of the next call of `tokens` tokens (it is let go and the clock moved past it). */
  const nextWait = async (tokens = 1) => {
    const grant = limiter.acquire('k', { requests: 1, tokens }, TPM);
    await clock.advance(10_000);
    return (await grant).waitedMs;
  };
  return { clock, limiter, nextWait };
}

describe('the rate limiter estimates tokens before the call and corrects them after', () => {
  it('estimates the prompt at four characters a token plus the completion budget', () => {
    const request: CompletionRequest = {
      model: 'm',
      messages: [
        { role: 'system', content: 'Be brief.' }, // 9 characters
        { role: 'user', content: 'Say hello, please' }, // 17 characters
      ],
      params: { maxTokens: 100 },
    };
    expect(rateLimitCostOf(request)).toEqual({ requests: 1, tokens: 7 + 100 });
    expect(rateLimitCostOf({ ...request, params: {} })).toEqual({ requests: 1, tokens: 7 + 256 });
    expect(rateLimitCostOf({ ...request, params: {} }, { defaultCompletionTokens: 16 })).toEqual({
      requests: 1,
      tokens: 7 + 16,
    });
  });

  it('charges tokens a call used beyond its estimate to the calls after it', async () => {
    const { clock, limiter, nextWait } = setup();
    await limiter.acquire('k', { requests: 1, tokens: 300 }, TPM);
    await limiter.adjust('k', { tokensDelta: 200 });
    await clock.advance(100);

    expect(await nextWait()).toBe(400);
  });

  it('gives back unused tokens, but never a slot in the past', async () => {
    const { clock, limiter, nextWait } = setup();
    await limiter.acquire('k', { requests: 1, tokens: 1_000 }, TPM);
    await limiter.adjust('k', { tokensDelta: -400 });
    expect(await nextWait()).toBe(600);

    await clock.advance(5_000);
    await limiter.adjust('k', { tokensDelta: -10_000 });
    const grants = Promise.all([1, 1].map((tokens) => limiter.acquire('k', { requests: 1, tokens }, TPM)));
    await clock.advance(100);
    expect((await grants).map((grant) => grant.waitedMs)).toEqual([0, 1]);
  });

  it('charges an overrun on a key that is idle from now on', async () => {
    const { clock, limiter, nextWait } = setup();
    await limiter.acquire('k', { requests: 1, tokens: 10 }, TPM);
    await clock.advance(1_000);
    await limiter.adjust('k', { tokensDelta: 250 });

    expect(await nextWait()).toBe(250);
  });

  it('ignores corrections on keys whose tokens were never limited', async () => {
    const { limiter } = setup();
    await limiter.acquire('k', { requests: 1, tokens: 10 }, { requestsPerMinute: 60 });
    await limiter.adjust('k', { tokensDelta: 1_000_000 });
    await limiter.adjust('k', { tokensDelta: 0 });
    await expect(limiter.adjust('k', { tokensDelta: Number.NaN })).rejects.toThrow('tokensDelta');
  });

  it.each([
    ['overrun', 300, 250, 0],
    ['overrun', 300, 420, 120],
    ['exact', 300, 250, -50],
    ['exact', 300, 420, 120],
  ] as const)('corrects in %s mode: reserved %i, used %i → %i', (mode, reserved, used, delta) => {
    const usage = { promptTokens: 10, completionTokens: used - 10, totalTokens: used, cachedTokens: 0 };
    expect(tokenCorrection(reserved, usage, mode)).toBe(delta);
  });

  it('corrects overruns only by default', () => {
    expect(
      tokenCorrection(100, { promptTokens: 5, completionTokens: 5, totalTokens: 10, cachedTokens: 0 }),
    ).toBe(0);
  });
});
