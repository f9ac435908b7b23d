export { QueueName, type QueuePayloads, type PayloadOf } from './lib/queue/queue-name';
export { type RunJobPayload, type BatchCap } from './lib/queue/run-job-payload';
export {
  type QueueDriver,
  type Consumer,
  type ConsumeOptions,
  type JobHandler,
  type JobToAdd,
  type ReceivedJob,
  type QueueCounts,
} from './lib/queue/queue-driver';
export {
  type QueueDriverOptions,
  QUEUE_DRIVER_DEFAULTS,
  JOB_RETENTION,
} from './lib/queue/queue-driver-options';
export { MAX_PRIORITY } from './lib/queue/job-validation';
export { ConsumerClosedError } from './lib/queue/consumer-closed-error';
export { createQueueDriver } from './lib/queue/create-queue-driver';
export {
  type EventBus,
  type EventBusOptions,
  type EventHandler,
  type Unsubscribe,
} from './lib/events/event-bus';
export { createEventBus } from './lib/events/create-event-bus';
export { runEventsChannel, publishRunEvent, subscribeRunEvents, isRunEvent } from './lib/events/run-events';
export { type LockDriver, type LockDriverOptions, type LockResult } from './lib/lock/lock-driver';
export { createLockDriver } from './lib/lock/create-lock-driver';
export { type RateLimiterOptions } from './lib/rate-limit/rate-limiter-options';
export { createRateLimiter } from './lib/rate-limit/create-rate-limiter';
export { type SlotDriver, type SlotDriverOptions, type HeldSlot } from './lib/slots/slot-driver';
export { createSlotDriver } from './lib/slots/create-slot-driver';
