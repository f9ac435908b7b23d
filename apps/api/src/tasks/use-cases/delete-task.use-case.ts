import { Injectable } from '@nestjs/common';
import { TasksRepository } from '@gtr/data';
import { GtrError } from '@gtr/domain';

/** Soft-deletes a task: its versions stay (runs refer to them), its name becomes free. */
@Injectable()
export class DeleteTaskUseCase {
  constructor(private readonly tasks: TasksRepository) {}

  /** @throws GtrError `E_NOT_FOUND` for an unknown (or already deleted) task. */
  async execute(command: { tenantId: string; name: string }): Promise<void> {
    if (!(await this.tasks.delete(command.tenantId, command.name))) {
      throw new GtrError('E_NOT_FOUND', `Task "${command.name}" not found.`);
    }
  }
}
