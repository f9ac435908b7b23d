import { Inject, Injectable } from '@nestjs/common';
import { TasksRepository } from '@gtr/data';
import { type TaskView, createTaskSchema, parseOrThrow, taskDefinitionOf } from '@gtr/domain';
import { RUNTIME, type Runtime } from '@gtr/server';
import { resolveProvider } from '../../common/resolve-provider';

/** Validates a task (template syntax, output schema, provider) and stores it as version 1. */
@Injectable()
export class CreateTaskUseCase {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly tasks: TasksRepository,
  ) {}

  /** @throws GtrError `E_VALIDATION` naming every bad field; `E_CONFLICT` when the name is taken. */
  execute(command: { tenantId: string; body: unknown }): Promise<TaskView> {
    const body = parseOrThrow(createTaskSchema, command.body);
    if (body.provider !== undefined) resolveProvider(this.runtime.providers, body.provider, 'provider');
    return this.tasks.create(command.tenantId, body.name, taskDefinitionOf(body));
  }
}
