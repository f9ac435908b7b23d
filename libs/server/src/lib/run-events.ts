import { type RunEvent, type RunStatus } from '@gtr/domain';
import { type EventBus, publishRunEvent } from '@gtr/queue';

/** Channel on which the api asks workers to abort a run's in-flight provider call. */
export const RUN_CONTROL_CHANNEL = 'runs:control';

export interface RunCancelMessage {
  type: 'run.cancel';
  runId: string;
}

export function isRunCancelMessage(message: unknown): message is RunCancelMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as RunCancelMessage).type === 'run.cancel' &&
    typeof (message as RunCancelMessage).runId === 'string'
  );
}

/**
 * Publishes that a run changed. Best effort: Postgres already holds the change, and every
 * reader (SSE, `--wait`) also polls, so a lost event only delays a screen update.
 */
export async function notifyRunChanged(
  events: EventBus,
  run: { tenantId: string; runId: string; status: RunStatus; batchId: string | null },
): Promise<void> {
  const event: RunEvent = {
    type: 'run.updated',
    at: new Date().toISOString(),
    tenantId: run.tenantId,
    runId: run.runId,
    status: run.status,
    batchId: run.batchId,
  };
  await publishRunEvent(events, event).catch(() => undefined);
}
