import { Injectable } from '@nestjs/common';
import { type TaskTestResult, parseOrThrow, testTaskSchema } from '@gtr/domain';
import { CreateRunUseCase } from '../../runs/use-cases/create-run.use-case';

/** Renders a task with the given input and runs it, exactly as `POST /v1/runs` with `task` would. */
@Injectable()
export class TestTaskUseCase {
  constructor(private readonly createRun: CreateRunUseCase) {}

  /** @throws GtrError as `CreateRunUseCase` does; `E_INPUT` naming each missing `input.<name>`. */
  async execute(command: { tenantId: string; name: string; body: unknown }): Promise<TaskTestResult> {
    const body = parseOrThrow(testTaskSchema, command.body ?? {});
    const { run } = await this.createRun.execute({
      tenantId: command.tenantId,
      body: { ...body, task: command.name },
    });
    return { renderedMessages: run.messages, run };
  }
}
