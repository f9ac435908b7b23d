import {
  type ScheduleMissedPolicy,
  type ScheduleOverlapPolicy,
  type ScheduleTarget,
  type ScheduleTiming,
} from '@gtr/domain';

/** An enabled schedule whose next fire time has come, as the scheduler reads it. */
export interface DueSchedule extends ScheduleTiming {
  id: string;
  tenantId: string;
  name: string;
  target: ScheduleTarget;
  overlapPolicy: ScheduleOverlapPolicy;
  missedPolicy: ScheduleMissedPolicy;
  /** The stored next fire time (not after the time it was found due at). */
  nextFireAt: Date;
}
