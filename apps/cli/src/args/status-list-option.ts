import { RUN_STATUSES, type RunStatus } from '@gtr/domain';
import { UsageError } from './usage-error';

/** A commander parser for `--status queued,running`: known statuses only, duplicates dropped. */
export function statusListOption(flag: string): (value: string) => RunStatus[] {
  return (value) => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = items.filter((s) => !(RUN_STATUSES as readonly string[]).includes(s));
    if (items.length === 0 || unknown.length > 0) {
      throw new UsageError(
        'E_VALIDATION_TYPE',
        `${flag} must be one or more of ${RUN_STATUSES.join(', ')} (comma-separated)${unknown.length ? `; got ${unknown.join(', ')}` : ''}`,
      );
    }
    return [...new Set(items)] as RunStatus[];
  };
}
