import {
  type ScheduleMissedPolicy,
  type ScheduleOverlapPolicy,
  type ScheduleTarget,
  type ScheduleTiming,
} from '@gtr/domain';

/** A schedule to insert: a validated request plus its first fire time. */
export interface CreateScheduleInput {
  name: string;
  timing: ScheduleTiming;
  target: ScheduleTarget;
  enabled: boolean;
  overlapPolicy: ScheduleOverlapPolicy;
  missedPolicy: ScheduleMissedPolicy;
  /** The first fire time; null while disabled. */
  nextFireAt: Date | null;
}
