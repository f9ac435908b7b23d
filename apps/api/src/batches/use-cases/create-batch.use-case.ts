import { Inject, Injectable } from '@nestjs/common';
import { BatchesRepository, TasksRepository } from '@gtr/data';
import {
  BatchCreator,
  type CreateBatchCommand,
  type CreateBatchOutcome,
  RUNTIME,
  type Runtime,
} from '@gtr/server';

export { type CreateBatchCommand } from '@gtr/server';

/**
 * `POST /v1/batches`: the shared batch creation (see `BatchCreator`, which the scheduler uses
 * too) on the api's repositories.
 */
@Injectable()
export class CreateBatchUseCase {
  private readonly creator: BatchCreator;

  constructor(@Inject(RUNTIME) runtime: Runtime, batches: BatchesRepository, tasks: TasksRepository) {
    this.creator = new BatchCreator(runtime, { batches, tasks });
  }

  execute(command: CreateBatchCommand): Promise<CreateBatchOutcome> {
    return this.creator.execute(command);
  }
}
