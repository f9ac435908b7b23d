import { Injectable } from '@nestjs/common';
import { SchedulesRepository } from '@gtr/data';
import { GtrError, type ScheduleView, timingOfView } from '@gtr/domain';
import { nextFireAfter } from '@gtr/engine';

export interface SetScheduleEnabledCommand {
  tenantId: string;
  name: string;
  enabled: boolean;
  now?: Date;
}

/**
 * Pauses or resumes a schedule. Resuming fires from the next fire time after now: the times
 * that passed while it was paused are not caught up. Doing either twice changes nothing.
 */
@Injectable()
export class SetScheduleEnabledUseCase {
  constructor(private readonly schedules: SchedulesRepository) {}

  async execute(command: SetScheduleEnabledCommand): Promise<ScheduleView> {
    const current = await this.schedules.find(command.tenantId, command.name);
    if (!current) throw new GtrError('E_NOT_FOUND', `No schedule named "${command.name}".`);
    if (current.enabled === command.enabled) return current;
    const next = command.enabled ? nextFireAfter(timingOfView(current), command.now ?? new Date()) : null;
    const updated = await this.schedules.setEnabled(command.tenantId, command.name, command.enabled, next);
    if (!updated) throw new GtrError('E_NOT_FOUND', `No schedule named "${command.name}".`);
    return updated;
  }
}
