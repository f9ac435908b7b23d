/** Example shown with errors about a 5-field expression: every 5 minutes. */
export const CRON_EXAMPLE = '*/5 * * * *';
/** Example shown with errors about a 6-field expression (seconds first): every 30 seconds. */
export const CRON_SECONDS_EXAMPLE = '*/30 * * * * *';

/** The shorthands a cron expression may be instead of fields. */
export const CRON_MACROS = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@hourly',
  '@minutely',
  '@secondly',
  '@weekdays',
  '@weekends',
] as const;

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** Names accepted for values, in order from `min` (JAN = 1, SUN = 0). */
  names?: readonly string[];
  /** Day of month: `L` (last day). Day of week: `5L` (last Friday), `1#2` (second Monday). */
  special?: 'day-of-month' | 'day-of-week';
}

const SECOND: FieldSpec = { name: 'second', min: 0, max: 59 };
const MINUTE: FieldSpec = { name: 'minute', min: 0, max: 59 };
const HOUR: FieldSpec = { name: 'hour', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31, special: 'day-of-month' };
const MONTH: FieldSpec = {
  name: 'month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
const DAY_OF_WEEK: FieldSpec = {
  name: 'day-of-week',
  min: 0,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  special: 'day-of-week',
};
const FIVE_FIELDS = [MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK];
const SIX_FIELDS = [SECOND, ...FIVE_FIELDS];
/** Days in each month at most (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Why `expression` is not a valid cron expression, as a sentence fragment that names the field
 * and shows a valid example, or null when it is valid. Accepts 5 fields (minute hour
 * day-of-month month day-of-week), 6 (second first) or a macro such as `@daily`; in a field:
 * `*`, `?`, values, names (`JAN`, `MON`), ranges `a-b`, steps `/n`, lists `a,b`, `L` in
 * day-of-month, `5L` and `1#2` in day-of-week. Hashed values (`H`) are refused: every
 * scheduler process must compute the same fire times.
 */
export function cronProblem(expression: string): string | null {
  const text = expression.trim();
  const fields = text.split(/\s+/);
  const example = fields.length === 6 ? CRON_SECONDS_EXAMPLE : CRON_EXAMPLE;
  const problem = text.startsWith('@') ? macroProblem(text) : fieldsProblem(fields);
  return problem === null ? null : `invalid expression "${expression}" (${problem}); example: "${example}"`;
}

function macroProblem(text: string): string | null {
  return (CRON_MACROS as readonly string[]).includes(text)
    ? null
    : `unknown shorthand ${text}; use one of ${CRON_MACROS.join(', ')}`;
}

function fieldsProblem(fields: string[]): string | null {
  if (fields.length === 1 && fields[0] === '') return 'it is empty';
  if (fields.length !== 5 && fields.length !== 6) {
    return `${fields.length} field${fields.length === 1 ? '' : 's'}; use 5 (minute hour day-of-month month day-of-week) or 6 (second first)`;
  }
  const specs = fields.length === 6 ? SIX_FIELDS : FIVE_FIELDS;
  for (let i = 0; i < specs.length; i++) {
    const problem = fieldProblem(fields[i], specs[i]);
    if (problem) return problem;
  }
  return impossibleDateProblem(fields.slice(-3, -1));
}

function fieldProblem(field: string, spec: FieldSpec): string | null {
  if (spec.special === 'day-of-week' && field.includes('#') && field.includes(',')) {
    return `${spec.name} "${field}": an n-th weekday (#) cannot be combined with other items`;
  }
  for (const item of field.split(',')) {
    if (item === '') return `${spec.name} "${field}" has an empty list item`;
    const problem = itemProblem(item, spec);
    if (problem) return problem;
  }
  return null;
}

function itemProblem(item: string, spec: FieldSpec): string | null {
  if (/^H($|[(/#])/i.test(item)) {
    return `${spec.name} "${item}": hashed values (H) are not supported`;
  }
  const special = specialProblem(item, spec);
  if (special !== undefined) return special;
  const parts = item.split('/');
  if (parts.length > 2) return `${spec.name} "${item}" has more than one step`;
  const [base, step] = parts;
  if (step !== undefined && !/^\d+$/.test(step)) return `${spec.name} step "${step}" is not a whole number`;
  if (step !== undefined && Number(step) === 0) return `${spec.name} step 0; a step is at least 1`;
  if (base === '*' || base === '?') return null;
  const bounds = base.split('-');
  if (bounds.length > 2) return `${spec.name} range "${base}" has more than two ends`;
  const values: number[] = [];
  for (const bound of bounds) {
    const value = valueOf(bound, spec);
    if (value === null) return `${spec.name} "${bound}" is not a number${spec.names ? ' or a name' : ''}`;
    if (value < spec.min || value > spec.max)
      return `${spec.name} ${bound} out of range ${spec.min}-${spec.max}`;
    values.push(value);
  }
  if (values.length === 2 && values[0] > values[1]) return `${spec.name} range ${base} runs backwards`;
  return null;
}

/** A problem of a special item (`L`, `5L`, `1#2`), null for a valid one, undefined for an ordinary item. */
function specialProblem(item: string, spec: FieldSpec): string | null | undefined {
  if (spec.special === 'day-of-month' && /L|W/i.test(item)) {
    return item === 'L' ? null : `${spec.name} "${item}": only a plain L (last day) is supported`;
  }
  if (spec.special !== 'day-of-week') return undefined;
  const last = /^(\w+)L$/i.exec(item);
  if (last) return dayOfWeekValueProblem(last[1], item, spec);
  const nth = /^(\w+)#(\d+)$/.exec(item);
  if (!nth)
    return item.includes('#') ? `${spec.name} "${item}": use day#n, e.g. 1#2 (second Monday)` : undefined;
  const occurrence = Number(nth[2]);
  if (occurrence < 1 || occurrence > 5) return `${spec.name} "${item}": the occurrence after # is 1-5`;
  return dayOfWeekValueProblem(nth[1], item, spec);
}

function dayOfWeekValueProblem(day: string, item: string, spec: FieldSpec): string | null {
  const value = valueOf(day, spec);
  return value === null || value > spec.max
    ? `${spec.name} "${item}": ${day} is not a day 0-7 or SUN-SAT`
    : null;
}

function valueOf(text: string, spec: FieldSpec): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  return index === -1 ? null : spec.min + index;
}

/** Day-of-month values that no listed month has (`30 2`: February 30th) never fire. */
function impossibleDateProblem([dayField, monthField]: string[]): string | null {
  const days = plainValues(dayField, DAY_OF_MONTH);
  const months = plainValues(monthField, MONTH);
  if (!days || !months) return null;
  const firstDay = Math.min(...days);
  if (months.every((month) => firstDay > MONTH_DAYS[month - 1])) {
    return `day-of-month ${dayField} never occurs in month ${monthField}`;
  }
  return null;
}

/** The values of a field made only of values and ranges without steps; null for anything else. */
function plainValues(field: string, spec: FieldSpec): number[] | null {
  const values: number[] = [];
  for (const item of field.split(',')) {
    const bounds = item.split('-').map((bound) => valueOf(bound, spec));
    if (item.includes('/') || bounds.some((value) => value === null)) return null;
    const [from, to = from] = bounds as number[];
    for (let value = from; value <= to; value++) values.push(value);
  }
  return values;
}
