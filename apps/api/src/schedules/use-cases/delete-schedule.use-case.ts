import { Injectable } from '@nestjs/common';
import { SchedulesRepository } from '@gtr/data';
import { GtrError } from '@gtr/domain';

/** Deletes a schedule and its fire history; the runs it started stay (without their schedule). */
@Injectable()
export class DeleteScheduleUseCase {
  constructor(private readonly schedules: SchedulesRepository) {}

  async execute(command: { tenantId: string; name: string }): Promise<void> {
    if (!(await this.schedules.delete(command.tenantId, command.name))) {
      throw new GtrError('E_NOT_FOUND', `No schedule named "${command.name}".`);
    }
  }
}
