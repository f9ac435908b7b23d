import { Inject, Injectable } from '@nestjs/common';
import { TaskFilesRepository, TasksRepository } from '@gtr/data';
import { type TaskFileView } from '@gtr/domain';
import { BatchCreator, RUNTIME, type Runtime, findTaskOrThrow } from '@gtr/server';
import { taskFileFormatOf } from '@gtr/task-files';

export interface UploadTaskFileCommand {
  tenantId: string;
  /** Where the upload was streamed to. */
  path: string;
  /** The client's file name, for the format (`.csv`, `.jsonl`). */
  fileName: string;
  bytes: number;
  /** Check the rows against this task (its latest version); absent: ad-hoc rows. */
  task?: string;
}

/**
 * Stores a task file for batch schedules: every row is checked as `POST /v1/batches` checks it
 * (the same `BatchCreator` code), and the valid rows are stored while the file is read; when any
 * row is invalid the transaction rolls back, so nothing is stored, and the error names the rows
 * and fields.
 */
@Injectable()
export class UploadTaskFileUseCase {
  private readonly creator: BatchCreator;

  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly files: TaskFilesRepository,
    private readonly tasks: TasksRepository,
  ) {
    this.creator = new BatchCreator(runtime, { tasks });
  }

  async execute(command: UploadTaskFileCommand): Promise<TaskFileView> {
    const format = taskFileFormatOf(command.fileName);
    const task = command.task ? await findTaskOrThrow(this.tasks, command.tenantId, command.task) : null;
    const rows = this.creator.checkedRows({ source: command.path, fileName: command.fileName, task });
    return this.files.store(
      command.tenantId,
      { name: command.fileName, format, taskName: task?.name ?? null, bytes: command.bytes },
      rows,
    );
  }
}
