import { type ScheduleTiming } from '@gtr/domain';
import { cronFireTimes } from './cron-fire-times';
import { type FireTimeCursor } from './fire-time-cursor';

/** Fire times of any schedule strictly after `after`, in order. */
export function fireTimesAfter(timing: ScheduleTiming, after: Date): FireTimeCursor {
  if (timing.cron !== null) return cronFireTimes(timing.cron, timing.timezone, after);
  const interval = timing.intervalMs;
  if (interval === null || !Number.isInteger(interval) || interval <= 0) {
    throw new Error('A schedule timing needs a cron expression or a positive whole interval');
  }
  let last = Math.floor(after.getTime() / interval) * interval;
  return {
    next: () => {
      last += interval;
      return new Date(last);
    },
  };
}
