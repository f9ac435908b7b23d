import { type EventBus, type EventBusOptions } from './event-bus';
import { InProcessEventBus } from './in-process-event-bus';
import { RedisEventBus } from './redis-event-bus';

/** The Redis pub/sub bus when `redisUrl` is set, the in-process bus otherwise. */
export function createEventBus(options: EventBusOptions): EventBus {
  if (!options.prefix) throw new RangeError('Event bus prefix must not be empty');
  const onError = options.onError ?? (() => undefined);
  return options.redisUrl
    ? new RedisEventBus(options.redisUrl, options.prefix, onError)
    : new InProcessEventBus(options.prefix, onError);
}
