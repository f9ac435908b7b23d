import { type RunStatus, type ScheduleFireView } from '@gtr/domain';
import { type ScheduleFireEntity } from '../entities/schedule-fire.entity';

/** Maps a stored fire (and the current status of its run) to its view. */
export function toScheduleFireView(fire: ScheduleFireEntity, runStatus: RunStatus | null): ScheduleFireView {
  return {
    id: fire.id,
    dueAt: fire.dueAt.toISOString(),
    firedAt: fire.firedAt.toISOString(),
    status: fire.status,
    runId: fire.runId,
    runStatus: fire.runId === null ? null : runStatus,
    reason: fire.reason,
  };
}
