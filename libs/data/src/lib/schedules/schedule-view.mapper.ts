import { formatInterval, type ScheduleTarget, type ScheduleView } from '@gtr/domain';
import { type ScheduleEntity } from '../entities/schedule.entity';

/** Maps a stored schedule to the view the API, CLI and dashboard share. */
export function toScheduleView(schedule: ScheduleEntity): ScheduleView {
  return {
    id: schedule.id,
    name: schedule.name,
    cron: schedule.cron,
    every: schedule.intervalMs === null ? null : formatInterval(schedule.intervalMs),
    timezone: schedule.timezone,
    target: schedule.target as ScheduleTarget,
    enabled: schedule.enabled,
    overlapPolicy: schedule.overlapPolicy,
    missedPolicy: schedule.missedPolicy,
    lastFireAt: schedule.lastFireAt?.toISOString() ?? null,
    nextFireAt: schedule.nextFireAt?.toISOString() ?? null,
    createdAt: schedule.createdAt.toISOString(),
    updatedAt: schedule.updatedAt.toISOString(),
  };
}
