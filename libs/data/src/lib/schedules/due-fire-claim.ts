import { type ScheduleTiming } from '@gtr/domain';

/** A scheduler's claim on one fire time of a schedule. */
export interface DueFireClaim {
  scheduleId: string;
  /** The next fire time the scheduler read: the claim holds only while it is still stored. */
  expectedNextFireAt: Date;
  /** Where the next fire time moves (null: it never fires again). */
  nextFireAt: Date | null;
  /** The fire time being handled; it becomes the schedule's last fire time. */
  dueAt: Date;
  /**
   * The timing `nextFireAt` was computed from: when given, the claim also fails if the schedule's
   * timing was edited since it was read.
   */
  timing?: ScheduleTiming;
}
