import { EventEmitter } from 'node:events';
import { type EventBus, type EventHandler, type Unsubscribe } from './event-bus';
import { deliverEventMessage, encodeEventMessage } from './event-message';

/**
 * The channels of this process, named `<prefix>:<channel>`. Shared by every in-process bus,
 * as one Redis server is shared by every Redis bus.
 */
const hub = new EventEmitter();
// Many live views may watch one channel; this is not a leak.
hub.setMaxListeners(0);

/** The in-memory {@link EventBus} (embedded mode and tests). */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<Unsubscribe>();
  private closed = false;

  constructor(
    private readonly prefix: string,
    private readonly onError: (error: Error) => void,
  ) {}

  async publish(channel: string, message: unknown): Promise<void> {
    this.assertOpen();
    const json = encodeEventMessage(channel, message);
    const name = this.channelName(channel);
    // Asynchronous like Redis, so a publisher never runs subscriber code on its own stack.
    setImmediate(() => hub.emit(name, json));
  }

  async subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe> {
    this.assertOpen();
    const name = this.channelName(channel);
    const listener = (json: string): void => deliverEventMessage(handler, JSON.parse(json), this.onError);
    hub.on(name, listener);
    const unsubscribe = async (): Promise<void> => {
      hub.off(name, listener);
      this.listeners.delete(unsubscribe);
    };
    this.listeners.add(unsubscribe);
    return unsubscribe;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.listeners].map((unsubscribe) => unsubscribe()));
  }

  private channelName(channel: string): string {
    return `${this.prefix}:${channel}`;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event bus is closed');
  }
}
