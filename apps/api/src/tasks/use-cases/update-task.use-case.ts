import { Inject, Injectable } from '@nestjs/common';
import { TasksRepository } from '@gtr/data';
import { GtrError, type TaskView, applyTaskUpdate, parseOrThrow, updateTaskSchema } from '@gtr/domain';
import { RUNTIME, type Runtime } from '@gtr/server';
import { resolveProvider } from '../../common/resolve-provider';

/** Applies the fields to change to the latest version and stores the result as the next version. */
@Injectable()
export class UpdateTaskUseCase {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly tasks: TasksRepository,
  ) {}

  /** @throws GtrError `E_VALIDATION` naming every bad field; `E_NOT_FOUND` for an unknown task. */
  async execute(command: { tenantId: string; name: string; body: unknown }): Promise<TaskView> {
    const patch = parseOrThrow(updateTaskSchema, command.body);
    if (patch.provider) resolveProvider(this.runtime.providers, patch.provider, 'provider');
    const updated = await this.tasks.update(command.tenantId, command.name, (current) =>
      applyTaskUpdate(current, patch),
    );
    if (!updated) throw new GtrError('E_NOT_FOUND', `Task "${command.name}" not found.`);
    return updated;
  }
}
