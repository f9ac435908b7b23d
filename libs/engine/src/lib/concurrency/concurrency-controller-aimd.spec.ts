import { type AttemptOutcome } from '../attempt/execute-attempt';
import { ProviderError } from '../errors/provider-error';
import { flushPromises } from '../../../test/fake-clock';
import { ConcurrencyController, type ConcurrencyPermit } from './concurrency-controller';
import { loadSignalOf } from './load-signal';

const KEY = 'openai:gpt-4o-mini';

/** Acquires `count` permits that are granted right away. */
async function take(controller: ConcurrencyController, count: number): Promise<ConcurrencyPermit[]> {
  const permits: ConcurrencyPermit[] = [];
  for (let i = 0; i < count; i++) permits.push(await controller.acquire(KEY));
  return permits;
}

describe('ConcurrencyController adapts the calls in flight per key (AIMD)', () => {
  it('grants up to the limit and queues the rest in order', async () => {
    const controller = new ConcurrencyController({ max: 2 });
    const [first, second] = await take(controller, 2);
    const order: string[] = [];
    const third = controller.acquire(KEY).then((permit) => (order.push('third'), permit));
    const fourth = controller.acquire(KEY).then((permit) => (order.push('fourth'), permit));
    await flushPromises();
    expect(order).toEqual([]);
    expect(controller.waiting(KEY)).toBe(2);

    first.release('neutral');
    await flushPromises();
    expect(order).toEqual(['third']);
    second.release('neutral');
    await flushPromises();
    expect(order).toEqual(['third', 'fourth']);
    expect(controller.inFlight(KEY)).toBe(2);
    (await third).release('neutral');
    (await fourth).release('neutral');
    expect(controller.inFlight(KEY)).toBe(0);
  });

  it('halves the limit once per storm of overloads, not once per failed call', async () => {
    const changes: number[] = [];
    const controller = new ConcurrencyController({
      max: 16,
      onLimitChange: (_key, limit) => changes.push(limit),
    });
    const storm = await take(controller, 16);
    storm.forEach((permit) => permit.release('overload'));
    expect(controller.limit(KEY)).toBe(8);

    // Calls started after the cut that fail again are a new storm.
    const next = await take(controller, 8);
    next[0].release('overload');
    next.slice(1).forEach((permit) => permit.release('overload'));
    expect(controller.limit(KEY)).toBe(4);
    expect(changes).toEqual([8, 4]);
  });

  it('never cuts below min, so calls keep going while the provider is failing', async () => {
    const controller = new ConcurrencyController({ max: 8, min: 2 });
    for (let round = 0; round < 6; round++) {
      const [permit] = await take(controller, 1);
      permit.release('overload');
    }
    expect(controller.limit(KEY)).toBe(2);
    const permits = await take(controller, 2);
    expect(permits).toHaveLength(2);
  });

  it('recovers additively, by about one slot per round of successes, up to max', async () => {
    const controller = new ConcurrencyController({ max: 8, initial: 4 });
    const round = async () =>
      (await take(controller, controller.limit(KEY))).forEach((p) => p.release('success'));
    await round();
    expect(controller.limit(KEY)).toBe(4);
    await round();
    expect(controller.limit(KEY)).toBe(5);
    for (let i = 0; i < 30; i++) await round();
    expect(controller.limit(KEY)).toBe(8);
  });

  it('lets waiting calls in as the limit grows', async () => {
    const controller = new ConcurrencyController({ max: 4, initial: 1 });
    const [first] = await take(controller, 1);
    const waiting = [controller.acquire(KEY), controller.acquire(KEY)];
    first.release('success'); // the limit grows 1 → 2: the freed slot and the new one
    const granted = await Promise.all(waiting);
    expect(controller.inFlight(KEY)).toBe(2);
    granted.forEach((permit) => permit.release('neutral'));
  });

  it('ignores a second release and neutral outcomes', async () => {
    const controller = new ConcurrencyController({ max: 3, initial: 2 });
    const [permit] = await take(controller, 1);
    permit.release('neutral');
    permit.release('overload');
    expect(controller.limit(KEY)).toBe(2);
    expect(controller.inFlight(KEY)).toBe(0);
  });

  it('keeps keys apart', async () => {
    const controller = new ConcurrencyController({ max: 4 });
    (await controller.acquire('a')).release('overload');
    expect(controller.limit('a')).toBe(2);
    expect(controller.limit('b')).toBe(4);
  });

  it('stops waiting when aborted, without taking a slot', async () => {
    const controller = new ConcurrencyController({ max: 1 });
    const [held] = await take(controller, 1);
    const controllerSignal = new AbortController();
    const waiting = controller.acquire(KEY, controllerSignal.signal);
    const after = controller.acquire(KEY);
    controllerSignal.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(controller.waiting(KEY)).toBe(1);
    held.release('success');
    (await after).release('success');
    await expect(controller.acquire(KEY, AbortSignal.abort(new Error('late')))).rejects.toThrow('late');
  });

  it.each([
    [{ max: 0 }, 'max'],
    [{ max: 2, min: 3 }, 'min'],
    [{ max: 2, initial: 5 }, 'initial'],
    [{ max: 2, decreaseFactor: 1 }, 'decreaseFactor'],
  ])('rejects the options %p', (options, field) => {
    expect(() => new ConcurrencyController(options)).toThrow(field);
  });
});

describe('loadSignalOf reads the load from an attempt', () => {
  const failed = (error: ProviderError): AttemptOutcome => ({ ok: false, error, latencyMs: 1 });

  it.each([
    ['E_RATE_LIMIT', 'overload'],
    ['E_SERVER_ERROR', 'overload'],
    ['E_TIMEOUT', 'overload'],
    ['E_QUOTA', 'neutral'],
    ['E_INPUT', 'neutral'],
    ['E_NETWORK', 'neutral'],
    ['E_CANCELLED', 'neutral'],
  ] as const)('%s is %s', (code, signal) => {
    expect(loadSignalOf(failed(new ProviderError(code)))).toBe(signal);
  });

  it('an answer is a success', () => {
    const outcome: AttemptOutcome = {
      ok: true,
      latencyMs: 1,
      result: {
        text: 'x',
        usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2, cachedTokens: 0 },
        finishReason: 'stop',
        providerRequestId: null,
        httpStatus: 200,
        rateLimit: null,
      },
    };
    expect(loadSignalOf(outcome)).toBe('success');
  });
});
