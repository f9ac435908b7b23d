import { type Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, whenReady } from '../redis/redis-client';
import { toError } from '../shared/to-error';
import { type EventBus, type EventHandler, type Unsubscribe } from './event-bus';
import { deliverEventMessage, encodeEventMessage } from './event-message';

interface Channel {
  /** One entry per subscription, so the same handler may subscribe twice. */
  handlers: Set<{ handler: EventHandler }>;
  /** Settles when Redis acknowledged the SUBSCRIBE. */
  subscribed: Promise<unknown>;
}

/**
 * The Redis pub/sub {@link EventBus}: one publishing connection and one subscriber connection
 * shared by all channels (Redis subscribes once per channel, handlers fan out in process).
 */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private subscriber?: Redis;
  private readonly channels = new Map<string, Channel>();
  private closing?: Promise<void>;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.publisher = createRedisClient(redisUrl, 'command', onError);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    this.assertOpen();
    const json = encodeEventMessage(channel, message);
    await whenReady(this.publisher);
    await this.publisher.publish(this.channelName(channel), json);
  }

  async subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe> {
    this.assertOpen();
    const name = this.channelName(channel);
    let entry = this.channels.get(name);
    if (!entry) {
      entry = { handlers: new Set(), subscribed: this.subscriberClient().subscribe(name) };
      this.channels.set(name, entry);
    }
    const subscription = { handler };
    entry.handlers.add(subscription);
    const unsubscribe = async (): Promise<void> => {
      const current = this.channels.get(name);
      if (!current?.handlers.delete(subscription) || current.handlers.size > 0) return;
      this.channels.delete(name);
      if (!this.closing) await this.subscriber?.unsubscribe(name);
    };
    try {
      await entry.subscribed;
    } catch (error) {
      await unsubscribe().catch(() => undefined);
      throw error;
    }
    return unsubscribe;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.channels.clear();
      await closeRedisClient(this.publisher);
      if (this.subscriber) await closeRedisClient(this.subscriber);
    })();
    return this.closing;
  }

  private subscriberClient(): Redis {
    if (!this.subscriber) {
      this.subscriber = createRedisClient(this.redisUrl, 'subscriber', this.onError);
      this.subscriber.on('message', (name: string, json: string) => this.dispatch(name, json));
    }
    return this.subscriber;
  }

  private dispatch(name: string, json: string): void {
    const entry = this.channels.get(name);
    if (!entry) return;
    let message: unknown;
    try {
      message = JSON.parse(json);
    } catch (error) {
      this.onError(toError(error));
      return;
    }
    for (const { handler } of [...entry.handlers]) deliverEventMessage(handler, message, this.onError);
  }

  private channelName(channel: string): string {
    return `${this.prefix}:${channel}`;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The event bus is closed');
  }
}
