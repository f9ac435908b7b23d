import { Inject, Injectable } from '@nestjs/common';
import { type RunView, GtrError } from '@gtr/domain';
import {
  RUNTIME,
  type Runtime,
  RUN_CONTROL_CHANNEL,
  type RunCancelMessage,
  notifyRunChanged,
} from '@gtr/server';

/**
 * Cancels a run that has not finished. A queued run never starts (its claim fails); a running
 * run's provider call is aborted by the worker that holds it, on the control channel.
 */
@Injectable()
export class CancelRunUseCase {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async execute(command: { tenantId: string; runId: string }): Promise<RunView> {
    const { repositories, events } = this.runtime;
    const cancelled = await repositories.runs.cancel(command.tenantId, command.runId);
    if (!cancelled) {
      const existing = await repositories.runs.findById(command.tenantId, command.runId);
      if (!existing) throw new GtrError('E_NOT_FOUND', `Run ${command.runId} not found.`);
      throw new GtrError('E_CONFLICT', `Run ${command.runId} is already ${existing.status}.`);
    }
    const message: RunCancelMessage = { type: 'run.cancel', runId: command.runId };
    await events.publish(RUN_CONTROL_CHANNEL, message).catch(() => undefined);
    await notifyRunChanged(events, {
      tenantId: command.tenantId,
      runId: cancelled.id,
      status: cancelled.status,
      batchId: cancelled.batchId,
    });
    return cancelled;
  }
}
