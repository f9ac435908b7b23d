import { cronProblem } from './cron-syntax';

describe('cronProblem', () => {
  it.each([
    '*/5 * * * *',
    '0 9 * * MON-FRI',
    '30 2 * * *',
    '0 0 L * *',
    '0 0 * * 5L',
    '0 0 * * 1#2',
    '0 12 1,15 JAN-MAR,oct *',
    '5/15 * * * *',
    '0 0 * * 0-7',
    '0 0 30 2,4 *',
    '0 0 29 2 *',
    '? * * * ?',
    '*/30 * * * * *',
    '0 */10 9-17 * * 1-5',
    '  0   9 * * *  ',
    '@daily',
    '@hourly',
    '@weekdays',
  ])('accepts %j', (expression) => {
    expect(cronProblem(expression)).toBeNull();
  });

  it.each([
    ['61 * * * *', 'minute 61 out of range 0-59', '*/5 * * * *'],
    ['0 24 * * *', 'hour 24 out of range 0-23', '*/5 * * * *'],
    ['0 0 0 * *', 'day-of-month 0 out of range 1-31', '*/5 * * * *'],
    ['0 0 * 13 *', 'month 13 out of range 1-12', '*/5 * * * *'],
    ['0 0 * * 8', 'day-of-week 8 out of range 0-7', '*/5 * * * *'],
    ['60 * * * * *', 'second 60 out of range 0-59', '*/30 * * * * *'],
    [
      '* * * *',
      '4 fields; use 5 (minute hour day-of-month month day-of-week) or 6 (second first)',
      '*/5 * * * *',
    ],
    ['* * * * * * *', '7 fields', '*/5 * * * *'],
    ['*', '1 field;', '*/5 * * * *'],
    ['', 'it is empty', '*/5 * * * *'],
    ['*/0 * * * *', 'minute step 0; a step is at least 1', '*/5 * * * *'],
    ['*/x * * * *', 'minute step "x" is not a whole number', '*/5 * * * *'],
    ['*/5/2 * * * *', 'minute "*/5/2" has more than one step', '*/5 * * * *'],
    ['5-1 * * * *', 'minute range 5-1 runs backwards', '*/5 * * * *'],
    ['1-2-3 * * * *', 'minute range "1-2-3" has more than two ends', '*/5 * * * *'],
    ['0 0 * * MON-SUN', 'day-of-week range MON-SUN runs backwards', '*/5 * * * *'],
    [',1 * * * *', 'minute ",1" has an empty list item', '*/5 * * * *'],
    ['abc * * * *', 'minute "abc" is not a number', '*/5 * * * *'],
    ['0 0 * FOO *', 'month "FOO" is not a number or a name', '*/5 * * * *'],
    ['H * * * *', 'minute "H": hashed values (H) are not supported', '*/5 * * * *'],
    ['0 0 15W * *', 'day-of-month "15W": only a plain L (last day) is supported', '*/5 * * * *'],
    ['0 0 * * 1#6', 'day-of-week "1#6": the occurrence after # is 1-5', '*/5 * * * *'],
    ['0 0 * * 9L', 'day-of-week "9L": 9 is not a day 0-7 or SUN-SAT', '*/5 * * * *'],
    ['0 0 * * X#2', 'day-of-week "X#2": X is not a day 0-7 or SUN-SAT', '*/5 * * * *'],
    [
      '0 0 * * 1#2,5L',
      'day-of-week "1#2,5L": an n-th weekday (#) cannot be combined with other items',
      '*/5 * * * *',
    ],
    ['0 0 * * 1#', 'day-of-week "1#": use day#n, e.g. 1#2 (second Monday)', '*/5 * * * *'],
    ['0 0 31 4,6,9,11 *', 'day-of-month 31 never occurs in month 4,6,9,11', '*/5 * * * *'],
    ['0 0 30 2 *', 'day-of-month 30 never occurs in month 2', '*/5 * * * *'],
    ['@reboot', 'unknown shorthand @reboot; use one of @yearly', '*/5 * * * *'],
  ])('rejects %j: %s', (expression, problem, example) => {
    const message = cronProblem(expression);
    expect(message).toContain(`invalid expression "${expression}" (`);
    expect(message).toContain(problem);
    expect(message).toMatch(new RegExp(`; example: "${example.replace(/[*]/g, '\\*')}"$`));
  });

  it('gives the exact message the API shows', () => {
    expect(cronProblem('61 * * * *')).toBe(
      'invalid expression "61 * * * *" (minute 61 out of range 0-59); example: "*/5 * * * *"',
    );
  });
});
