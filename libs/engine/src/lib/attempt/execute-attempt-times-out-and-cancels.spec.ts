import { ProviderError } from '../errors/provider-error';
import { type CompletionRequest, type CompletionResult, type Provider } from '../provider/provider';
import { createDryRunProvider } from '../providers/dry-run-provider';
import { executeAttempt } from './execute-attempt';

const request: CompletionRequest = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hi' }],
  params: {},
};

/** Never answers; records the signal it was given. */
function hangingProvider(options: { honoursSignal: boolean }): Provider & { signal?: AbortSignal } {
  const provider: Provider & { signal?: AbortSignal } = {
    name: 'hanging',
    complete(_req, signal) {
      provider.signal = signal;
      return new Promise<CompletionResult>((_, reject) => {
        if (options.honoursSignal)
          signal.addEventListener('abort', () => reject(new ProviderError('E_CANCELLED')));
      });
    },
  };
  return provider;
}

const failingProvider = (error: unknown): Provider => ({
  name: 'failing',
  complete: () => Promise.reject(error),
});

describe('executeAttempt times out, cancels and classifies', () => {
  it('returns the result and a latency on success', async () => {
    const outcome = await executeAttempt(createDryRunProvider(), request, { timeoutMs: 5000 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.result.text).toBe('[dry-run] gpt-4o-mini: Hi');
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
  });

  describe('with fake timers', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it.each([true, false])(
      'turns the per-attempt deadline into E_TIMEOUT (provider honours signal: %s)',
      async (honoursSignal) => {
        const provider = hangingProvider({ honoursSignal });
        const outcome = executeAttempt(provider, request, { timeoutMs: 1000 });
        await jest.advanceTimersByTimeAsync(1000);
        await expect(outcome).resolves.toMatchObject({
          ok: false,
          error: { code: 'E_TIMEOUT', message: expect.stringContaining('1000 ms') },
        });
        expect(provider.signal?.aborted).toBe(true);
      },
    );

    it.each([true, false])(
      'turns an outer abort into E_CANCELLED (provider honours signal: %s)',
      async (honoursSignal) => {
        const controller = new AbortController();
        const provider = hangingProvider({ honoursSignal });
        const outcome = executeAttempt(provider, request, { timeoutMs: 60_000, signal: controller.signal });
        await jest.advanceTimersByTimeAsync(10);
        controller.abort();
        await expect(outcome).resolves.toMatchObject({ ok: false, error: { code: 'E_CANCELLED' } });
        expect(provider.signal?.aborted).toBe(true);
        expect(jest.getTimerCount()).toBe(0);
      },
    );

    it('clears its timer once the call settles', async () => {
      await executeAttempt(failingProvider(new Error('x')), request, { timeoutMs: 60_000 });
      expect(jest.getTimerCount()).toBe(0);
    });
  });

  it('cancels without calling out when the outer signal is already aborted', async () => {
    const provider = hangingProvider({ honoursSignal: true });
    const outcome = await executeAttempt(provider, request, { timeoutMs: 1000, signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'E_CANCELLED' } });
    expect(provider.signal?.aborted).toBe(true);
  });

  it.each<[string, unknown, string]>([
    [
      'a ProviderError as it is',
      new ProviderError('E_RATE_LIMIT', 'slow down', { retryAfterMs: 500 }),
      'E_RATE_LIMIT',
    ],
    ['a network errno', Object.assign(new Error('x'), { code: 'ECONNRESET' }), 'E_NETWORK'],
    ['an unknown throw', 42, 'E_UNKNOWN'],
  ])('classifies %s', async (_what, error, code) => {
    const outcome = await executeAttempt(failingProvider(error), request);
    expect(outcome).toMatchObject({ ok: false, error: { code } });
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ProviderError);
  });

  it('classifies a provider that throws synchronously', async () => {
    const provider: Provider = {
      name: 'sync',
      complete: () => {
        throw Object.assign(new Error('x'), { status: 401 });
      },
    };
    await expect(executeAttempt(provider, request)).resolves.toMatchObject({
      ok: false,
      error: { code: 'E_AUTH', httpStatus: 401 },
    });
  });

  it.each([0, -1, Number.POSITIVE_INFINITY, 2 ** 31])(
    'treats timeoutMs %p as no deadline',
    async (timeoutMs) => {
      const outcome = await executeAttempt(createDryRunProvider({ latencyMs: 5 }), request, { timeoutMs });
      expect(outcome.ok).toBe(true);
    },
  );
});
