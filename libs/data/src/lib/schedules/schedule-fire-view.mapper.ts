import { type BatchViewStatus, type RunStatus, type ScheduleFireView } from '@gtr/domain';
import { type ScheduleFireEntity } from '../entities/schedule-fire.entity';

/** Maps a stored fire (and the current status of its run or batch) to its view. */
export function toScheduleFireView(
  fire: ScheduleFireEntity,
  runStatus: RunStatus | null,
  batchStatus: BatchViewStatus | null,
): ScheduleFireView {
  return {
    id: fire.id,
    dueAt: fire.dueAt.toISOString(),
    firedAt: fire.firedAt.toISOString(),
    status: fire.status,
    runId: fire.runId,
    runStatus: fire.runId === null ? null : runStatus,
    batchId: fire.batchId,
    batchStatus: fire.batchId === null ? null : batchStatus,
    reason: fire.reason,
  };
}
