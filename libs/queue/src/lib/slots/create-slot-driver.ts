import { InProcessSlotDriver } from './in-process-slot-driver';
import { RedisSlotDriver } from './redis-slot-driver';
import { type SlotDriver, type SlotDriverOptions } from './slot-driver';

/** The Redis slot driver when `redisUrl` is set, the in-process one otherwise. */
export function createSlotDriver(options: SlotDriverOptions): SlotDriver {
  if (!options.prefix) throw new RangeError('Slot driver prefix must not be empty');
  return options.redisUrl
    ? new RedisSlotDriver(options.redisUrl, options.prefix, options.onError ?? (() => undefined))
    : new InProcessSlotDriver(options.prefix);
}
