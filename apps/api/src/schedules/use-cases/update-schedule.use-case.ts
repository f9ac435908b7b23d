import { Injectable } from '@nestjs/common';
import { SchedulesRepository, type UpdateScheduleInput } from '@gtr/data';
import {
  GtrError,
  type ScheduleView,
  parseOrThrow,
  sameTiming,
  timingOfView,
  updateScheduleSchema,
  updatedTiming,
} from '@gtr/domain';
import { nextFireAfter } from '@gtr/engine';
import { ScheduleTargetCheck } from '../schedule-target-check';

export interface UpdateScheduleCommand {
  tenantId: string;
  name: string;
  body: unknown;
  now?: Date;
}

/**
 * Changes a schedule. A new timing, time zone or enabling starts the fire times afresh from now
 * (fire times that passed while it was disabled are not caught up); the schedulers use the new
 * definition from their next tick.
 */
@Injectable()
export class UpdateScheduleUseCase {
  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly targets: ScheduleTargetCheck,
  ) {}

  async execute(command: UpdateScheduleCommand): Promise<ScheduleView> {
    const patch = parseOrThrow(updateScheduleSchema, command.body);
    const current = await this.schedules.find(command.tenantId, command.name);
    if (!current) throw new GtrError('E_NOT_FOUND', `No schedule named "${command.name}".`);
    const before = timingOfView(current);
    const timing = updatedTiming(before, patch);
    const enabled = patch.enabled ?? current.enabled;
    const changes: UpdateScheduleInput = {
      target: patch.target,
      enabled: patch.enabled,
      overlapPolicy: patch.overlapPolicy,
      missedPolicy: patch.missedPolicy,
    };
    const retimed = !sameTiming(before, timing);
    if (retimed) changes.timing = timing;
    if (retimed || enabled !== current.enabled) {
      changes.nextFireAt = enabled ? nextFireAfter(timing, command.now ?? new Date()) : null;
    }
    if (patch.target) await this.targets.assertStartable(command.tenantId, patch.target);
    const updated = await this.schedules.update(command.tenantId, command.name, changes);
    if (!updated) throw new GtrError('E_NOT_FOUND', `No schedule named "${command.name}".`);
    return updated;
  }
}
