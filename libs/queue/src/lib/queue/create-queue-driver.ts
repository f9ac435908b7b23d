import { BullmqQueueDriver } from './bullmq/bullmq-queue-driver';
import { InProcessQueueDriver } from './in-process/in-process-queue-driver';
import { type QueueDriver } from './queue-driver';
import { type QueueDriverOptions, resolveQueueDriverOptions } from './queue-driver-options';

/** The BullMQ driver when `redisUrl` is set, the in-process driver otherwise. */
export function createQueueDriver(options: QueueDriverOptions): QueueDriver {
  const resolved = resolveQueueDriverOptions(options);
  return options.redisUrl
    ? new BullmqQueueDriver(options.redisUrl, resolved)
    : new InProcessQueueDriver(resolved);
}
