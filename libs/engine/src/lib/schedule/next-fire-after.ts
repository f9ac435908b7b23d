import { type ScheduleTiming } from '@gtr/domain';
import { fireTimesAfter } from './fire-times-after';

/**
 * The first fire time strictly after `after`, or null when the schedule never fires again.
 * An interval schedule fires at whole multiples of its interval since 1970-01-01T00:00Z
 * (`5m` at :00, :05, …), so every process computes the same times without shared state.
 * A cron schedule fires at its expression's times in its time zone, DST-correct.
 * @throws GtrError `E_VALIDATION` for a cron expression that cannot be read.
 */
export function nextFireAfter(timing: ScheduleTiming, after: Date): Date | null {
  return fireTimesAfter(timing, after).next();
}
