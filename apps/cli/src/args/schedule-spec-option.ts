import { cronProblem, intervalProblem, normalizeCron } from '@gtr/domain';
import { UsageError } from './usage-error';

/** When a schedule fires, as `-s/--schedule` gives it. */
export type ScheduleSpec = { cron: string } | { every: string };

const EVERY = /^@?every\s+(.+)$/i;
const BARE_INTERVAL = /^\d+[dhms]\S*$/;

/**
 * A commander parser for `-s/--schedule`: a cron expression (`*\/5 * * * *`, 6 fields with
 * seconds, `@daily`) or an interval (`every 5m`, `every 1h30m`, or just `5m`). Checked here with
 * the API's own rules, so a typo stops before anything is sent.
 */
export function scheduleSpecOption(flag: string): (value: string) => ScheduleSpec {
  return (value) => {
    const text = value.trim();
    const every = EVERY.exec(text)?.[1] ?? (BARE_INTERVAL.test(text) ? text : undefined);
    if (every !== undefined) {
      const problem = intervalProblem(every.trim());
      if (problem) throw new UsageError('E_VALIDATION', `${flag}: ${problem}`);
      return { every: every.trim() };
    }
    const problem = cronProblem(text);
    if (problem)
      throw new UsageError('E_VALIDATION', `${flag}: ${problem}; or an interval such as "every 5m"`);
    return { cron: normalizeCron(text) };
  };
}
