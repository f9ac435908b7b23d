import { type ScheduleTiming } from '@gtr/domain';
import { fireTimesAfter } from './fire-times-after';

/**
 * The coming `count` fire times strictly after `from` (fewer when the schedule ends).
 * @throws GtrError `E_VALIDATION` for a cron expression that cannot be read.
 */
export function previewFires(timing: ScheduleTiming, from: Date, count: number): Date[] {
  const cursor = fireTimesAfter(timing, from);
  const fires: Date[] = [];
  while (fires.length < count) {
    const next = cursor.next();
    if (!next) break;
    fires.push(next);
  }
  return fires;
}
