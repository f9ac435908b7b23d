import { UsageError } from './usage-error';

/**
 * A commander parser for a repeatable `--var key=value`: collects the pairs into one object
 * (values are text; a later key wins).
 */
export function varOption(
  flag: string,
): (value: string, previous: Record<string, string> | undefined) => Record<string, string> {
  return (value, previous) => {
    const at = value.indexOf('=');
    const key = at === -1 ? '' : value.slice(0, at).trim();
    if (!key) throw new UsageError('E_VALIDATION_TYPE', `${flag} must be key=value, e.g. ${flag} topic=news`);
    return { ...previous, [key]: value.slice(at + 1) };
  };
}
