/** Receives the messages of one channel. Errors it throws or rejects with go to `onError`. */
export type EventHandler = (message: unknown) => void;

/** Ends one subscription; calling it again does nothing. */
export type Unsubscribe = () => Promise<void>;

/**
 * Fire-and-forget messages on named channels: Redis pub/sub in distributed mode, in memory in
 * embedded mode. Delivery is at most once and only to subscribers present when a message is
 * published; Postgres stays the source of truth, so a missed message only delays a live view.
 */
export interface EventBus {
  /** Publishes a JSON-serialisable message; subscribers get a parsed copy, asynchronously. */
  publish(channel: string, message: unknown): Promise<void>;
  /** Subscribes `handler` to `channel`; resolves once messages published from now on arrive. */
  subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe>;
  /** Drops every subscription of this bus and closes its connections. */
  close(): Promise<void>;
}

/** Options of {@link createEventBus}. */
export interface EventBusOptions {
  /** Redis URL. Set: Redis pub/sub; unset: in-process. */
  redisUrl?: string;
  /** Namespace of channel names (`<prefix>:<channel>`); buses with the same prefix talk. */
  prefix: string;
  /** Receives handler errors, undecodable messages and connection errors. */
  onError?: (error: Error) => void;
}
