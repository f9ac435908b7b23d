import { RUN_STATUSES, type RunEvent } from '@gtr/domain';
import { type EventBus, type Unsubscribe } from './event-bus';

/** The channel of a tenant's run events (every run of the tenant, one channel). */
export function runEventsChannel(tenantId: string): string {
  return `runs:${tenantId}`;
}

/** Publishes `event` on its tenant's run channel. */
export async function publishRunEvent(bus: EventBus, event: RunEvent): Promise<void> {
  await bus.publish(runEventsChannel(event.tenantId), event);
}

/**
 * Subscribes to a tenant's run events. Messages that are not run events of this tenant are
 * dropped, so a handler can trust what it gets.
 */
export function subscribeRunEvents(
  bus: EventBus,
  tenantId: string,
  handler: (event: RunEvent) => void,
): Promise<Unsubscribe> {
  return bus.subscribe(runEventsChannel(tenantId), (message) => {
    if (isRunEvent(message) && message.tenantId === tenantId) handler(message);
  });
}

/** Whether `value` has the shape of a {@link RunEvent}. */
export function isRunEvent(value: unknown): value is RunEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    event['type'] === 'run.updated' &&
    typeof event['tenantId'] === 'string' &&
    typeof event['runId'] === 'string' &&
    (RUN_STATUSES as readonly unknown[]).includes(event['status']) &&
    (event['batchId'] === null || typeof event['batchId'] === 'string') &&
    typeof event['at'] === 'string'
  );
}
