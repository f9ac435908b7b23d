import { toError } from '../shared/to-error';
import { type EventHandler } from './event-bus';

/** Serialises a message for the wire; rejects what JSON cannot carry. */
export function encodeEventMessage(channel: string, message: unknown): string {
  const json = JSON.stringify(message);
  if (json === undefined) throw new TypeError(`Event on channel ${channel} must be JSON data`);
  return json;
}

/**
 * Calls `handler` with `message`, so that neither a throw nor a rejection escapes: one
 * failing subscriber must not stop delivery to the others.
 */
export function deliverEventMessage(
  handler: EventHandler,
  message: unknown,
  onError: (error: Error) => void,
): void {
  try {
    const result: unknown = handler(message);
    if (result instanceof Promise) result.catch((error: unknown) => onError(toError(error)));
  } catch (error) {
    onError(toError(error));
  }
}
