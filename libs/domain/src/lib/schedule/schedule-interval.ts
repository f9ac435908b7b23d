/** Shortest interval of an `every` schedule. */
export const MIN_SCHEDULE_INTERVAL_MS = 1000;
/** Longest interval of an `every` schedule: 7 days (use a cron expression for rarer fires). */
export const MAX_SCHEDULE_INTERVAL_MS = 7 * 24 * 3600 * 1000;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;
type Unit = keyof typeof UNIT_MS;
const UNITS = Object.keys(UNIT_MS) as Unit[];
const INTERVAL = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Example shown with every interval error. */
export const INTERVAL_EXAMPLE = '5m';

/**
 * Why `text` is not a valid interval, as a sentence fragment, or null when it is one.
 * An interval is whole days, hours, minutes and seconds, largest unit first: `30s`, `5m`,
 * `1h30m`, `2d`; between 1 s and 7 days.
 */
export function intervalProblem(text: string): string | null {
  const ms = intervalMsOrNull(text);
  if (ms === null) {
    return `invalid interval "${text}"; use whole numbers with units d, h, m, s, largest first; example: "${INTERVAL_EXAMPLE}"`;
  }
  if (ms < MIN_SCHEDULE_INTERVAL_MS)
    return `interval "${text}" is shorter than 1s; example: "${INTERVAL_EXAMPLE}"`;
  if (ms > MAX_SCHEDULE_INTERVAL_MS) {
    return `interval "${text}" is longer than 7d; use a cron expression instead, e.g. "0 9 1 * *"`;
  }
  return null;
}

/**
 * The interval in milliseconds.
 * @throws Error naming the problem when `text` is not a valid interval (see {@link intervalProblem}).
 */
export function parseInterval(text: string): number {
  const problem = intervalProblem(text);
  if (problem) throw new Error(problem);
  return intervalMsOrNull(text) as number;
}

/** The canonical text of an interval: `90000` → `1m30s`, `3600000` → `1h`. */
export function formatInterval(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000) * 1000);
  let text = '';
  for (const unit of UNITS) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * UNIT_MS[unit];
  }
  return text || '0s';
}

function intervalMsOrNull(text: string): number | null {
  const match = INTERVAL.exec(text.trim());
  if (!match || match.slice(1).every((part) => part === undefined)) return null;
  return UNITS.reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * UNIT_MS[unit], 0);
}
