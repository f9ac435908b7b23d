import { type RunEvent } from '@gtr/domain';
import { deferred, sleep, waitFor } from '../../../test/async-helpers';
import { TEST_REDIS_URL, uniquePrefix } from '../../../test/redis-test-keys';
import { createEventBus } from './create-event-bus';
import { type EventBus, type EventBusOptions } from './event-bus';
import { publishRunEvent, subscribeRunEvents } from './run-events';

describe.each([
  ['in-process', undefined],
  ['redis', TEST_REDIS_URL],
])('EventBus contract (%s)', (_busName, redisUrl) => {
  const open: EventBus[] = [];
  const errors: Error[] = [];
  let prefix = '';

  /** A bus on this test's prefix; two of them behave like two processes. */
  function bus(options: Partial<EventBusOptions> = {}): EventBus {
    const created = createEventBus({ prefix, redisUrl, onError: (error) => errors.push(error), ...options });
    open.push(created);
    return created;
  }

  beforeEach(() => {
    prefix = uniquePrefix('events');
    errors.length = 0;
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((created) => created.close()));
  });

  it('delivers a parsed copy of a message to subscribers of another bus', async () => {
    const publisher = bus();
    const subscriberA = bus();
    const subscriberB = bus();
    const receivedA = deferred<unknown>();
    const receivedB = deferred<unknown>();
    await subscriberA.subscribe('news', (message) => receivedA.resolve(message));
    await subscriberB.subscribe('news', (message) => receivedB.resolve(message));

    const message = { n: 1, at: new Date('2025-01-01T00:00:00Z'), nested: { ok: true } };
    await publisher.publish('news', message);
    const expected = { n: 1, at: '2025-01-01T00:00:00.000Z', nested: { ok: true } };
    expect(await receivedA.promise).toEqual(expected);
    expect(await receivedB.promise).toEqual(expected);
  });

  it('keeps channels and prefixes apart', async () => {
    const publisher = bus();
    const subscriber = bus();
    const foreign = createEventBus({ prefix: uniquePrefix('events-other'), redisUrl });
    open.push(foreign);
    const received: unknown[] = [];
    await subscriber.subscribe('wanted', (message) => received.push(message));

    await foreign.publish('wanted', 'other prefix');
    await publisher.publish('unwanted', 'other channel');
    await publisher.publish('wanted', 'this one');
    await waitFor(() => received.length > 0);
    await sleep(50);
    expect(received).toEqual(['this one']);
  });

  it('stops delivery to a handler after it unsubscribes, and only to that one', async () => {
    const publisher = bus();
    const subscriber = bus();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const unsubscribeFirst = await subscriber.subscribe('news', (message) => first.push(message));
    await subscriber.subscribe('news', (message) => second.push(message));

    await publisher.publish('news', 1);
    await waitFor(() => first.length === 1 && second.length === 1);
    await unsubscribeFirst();
    await unsubscribeFirst();
    await publisher.publish('news', 2);
    await waitFor(() => second.length === 2);
    await sleep(50);
    expect(first).toEqual([1]);
    expect(second).toEqual([1, 2]);
  });

  it('resubscribes a channel after its last handler left', async () => {
    const publisher = bus();
    const subscriber = bus();
    const unsubscribe = await subscriber.subscribe('news', () => undefined);
    await unsubscribe();
    const received = deferred<unknown>();
    await subscriber.subscribe('news', (message) => received.resolve(message));
    await publisher.publish('news', 'again');
    expect(await received.promise).toBe('again');
  });

  it('reports failing handlers and still delivers to the others', async () => {
    const publisher = bus();
    const subscriber = bus();
    const received = deferred<unknown>();
    await subscriber.subscribe('news', () => {
      throw new Error('handler broke');
    });
    await subscriber.subscribe(
      'news',
      () => Promise.reject(new Error('async handler broke')) as unknown as void,
    );
    await subscriber.subscribe('news', (message) => received.resolve(message));

    await publisher.publish('news', 'hello');
    expect(await received.promise).toBe('hello');
    await waitFor(() => errors.length === 2);
    expect(errors.map((error) => error.message).sort()).toEqual(['async handler broke', 'handler broke']);
  });

  it('carries run events on the tenant channel', async () => {
    const publisher = bus();
    const subscriber = bus();
    const received: RunEvent[] = [];
    await subscribeRunEvents(subscriber, 'tenant-1', (event) => received.push(event));
    const event: RunEvent = {
      type: 'run.updated',
      tenantId: 'tenant-1',
      runId: 'run-1',
      status: 'succeeded',
      batchId: null,
      at: '2025-01-01T00:00:00.000Z',
    };
    await publishRunEvent(publisher, { ...event, tenantId: 'tenant-2' });
    await publisher.publish('runs:tenant-1', { type: 'something.else' });
    await publishRunEvent(publisher, event);
    await waitFor(() => received.length === 1);
    await sleep(50);
    expect(received).toEqual([event]);
  });

  it('rejects messages JSON cannot carry and use after close', async () => {
    const publisher = bus();
    await expect(publisher.publish('news', undefined)).rejects.toThrow('JSON');
    await publisher.close();
    await expect(publisher.publish('news', 1)).rejects.toThrow('closed');
    await expect(publisher.subscribe('news', () => undefined)).rejects.toThrow('closed');
    await publisher.close();
  });

  it('drops its subscriptions on close', async () => {
    const publisher = bus();
    const subscriber = bus();
    const received: unknown[] = [];
    const unsubscribe = await subscriber.subscribe('news', (message) => received.push(message));
    await subscriber.close();
    await unsubscribe();
    await publisher.publish('news', 'late');
    await sleep(50);
    expect(received).toEqual([]);
  });
});
