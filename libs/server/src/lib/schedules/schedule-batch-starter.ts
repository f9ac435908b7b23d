import { BatchesRepository, type DueSchedule, TaskFilesRepository } from '@gtr/data';
import { type BatchSubmission, GtrError, type ScheduleBatchTarget } from '@gtr/domain';
import { type TaskFileRow } from '@gtr/task-files';
import { BatchCreator, type BatchCreatorRuntime } from '../batches/batch-creator';
import { cancelBatchRuns } from '../batches/cancel-batch-runs';
import { type Runtime } from '../runtime';

/** What starting and cancelling a schedule's batches needs of the process runtime. */
export type ScheduleBatchStarterRuntime = BatchCreatorRuntime & Pick<Runtime, 'events'>;

/**
 * Starts the batch of a batch target's fire: the stored task file's rows (checked when it was
 * uploaded, not parsed again) go through the same batch creation as `POST /v1/batches`. The
 * batch's idempotency key is the schedule and fire time, so a fire handled again (two
 * schedulers, a retry after a crash) finds the batch it made instead of making another.
 */
export class ScheduleBatchStarter {
  private readonly creator: BatchCreator;
  private readonly files: TaskFilesRepository;
  private readonly batches: BatchesRepository;

  constructor(private readonly runtime: ScheduleBatchStarterRuntime) {
    this.creator = new BatchCreator(runtime);
    this.files = new TaskFilesRepository(runtime.dataSource);
    this.batches = new BatchesRepository(runtime.dataSource);
  }

  /**
   * Creates and enqueues the fire's batch; returns its id.
   * @throws GtrError when it cannot start: the task file or task is gone, a row no longer renders
   * (the task changed since the upload), an unknown provider. The fire is then recorded as failed.
   */
  async start(schedule: DueSchedule, target: ScheduleBatchTarget, dueAt: Date): Promise<string> {
    const file = await this.files.find(schedule.tenantId, target.taskFile);
    if (!file) {
      throw new GtrError(
        'E_NOT_FOUND',
        `Task file ${target.taskFile} (target.taskFile) no longer exists; upload the file again and update the schedule.`,
      );
    }
    const task = target.task ?? file.task ?? undefined;
    if (file.task !== (task ?? null)) {
      throw new GtrError(
        'E_VALIDATION',
        `Task file ${file.id} was checked against ${file.task ? `task "${file.task}"` : 'no task (ad-hoc rows)'}, not ${task ? `task "${task}"` : 'ad-hoc rows'}.`,
      );
    }
    const submission: BatchSubmission = {
      name: `${schedule.name} ${dueAt.toISOString()}`,
      ...(task ? { task } : {}),
      ...(target.version === undefined ? {} : { version: target.version }),
      ...(target.model === undefined ? {} : { model: target.model }),
      ...(target.params === undefined ? {} : { params: target.params }),
      ...(target.options === undefined ? {} : { options: target.options }),
    };
    const origin = { schedule: { id: schedule.id, name: schedule.name, dueAt: dueAt.toISOString() } };
    const { result } = await this.creator.executeRows({
      tenantId: schedule.tenantId,
      submission,
      rows: this.files.rows(
        schedule.tenantId,
        file.id,
      ) as AsyncIterable<unknown> as AsyncIterable<TaskFileRow>,
      idempotencyKey: `schedule:${schedule.id}:${dueAt.toISOString()}`,
      origin: { scheduleId: schedule.id, metadata: origin },
    });
    return result.batch.id;
  }

  /**
   * Cancels the unfinished runs of an earlier fire's batch (overlap policy `cancel_previous`),
   * asking the workers holding running ones to abort them.
   */
  async cancel(tenantId: string, batchId: string): Promise<void> {
    await cancelBatchRuns(this.runtime, this.batches, tenantId, batchId);
  }
}
