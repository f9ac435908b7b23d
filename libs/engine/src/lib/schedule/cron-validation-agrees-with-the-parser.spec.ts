import { CronExpressionParser } from 'cron-parser';
import { cronProblem } from '@gtr/domain';

// The API validates with the pure check in @gtr/domain; fire times come from cron-parser.
// They must agree, or a schedule could be accepted and then never fire.
const EXPRESSIONS = [
  '*/5 * * * *',
  '0 9 * * MON-FRI',
  '0 0 L * *',
  '0 0 * * 5L',
  '0 0 * * 1#2',
  '5/15 * * * *',
  '0 0 * * 0-7',
  '0 0 30 2,4 *',
  '0 0 29 2 *',
  '? * * * ?',
  '*/30 * * * * *',
  '0 */10 9-17 * * 1-5',
  '@daily',
  '@weekly',
  '*/60 * * * *',
  '0 0 1-31/2 * *',
  '0 0 * jan-mar sun',
  '0 0 * * SUN-SAT',
  '61 * * * *',
  '0 24 * * *',
  '0 0 0 * *',
  '0 0 * 13 *',
  '0 0 * * 8',
  '60 * * * * *',
  '* * * * * * *',
  '*/0 * * * *',
  '5-1 * * * *',
  '1-2-3 * * * *',
  '0 0 * * MON-SUN',
  ',1 * * * *',
  'abc * * * *',
  '0 0 * FOO *',
  '0 0 LW * *',
  '0 0 15W * *',
  '0 0 * * 1#6',
  '0 0 31 4,6,9,11 *',
  '0 0 30 2 *',
  '@reboot',
  '1-60 * * * *',
  '* 1/ * * *',
  '0 0 * * 0#1,1#1',
  '0 0 * * 1#2,5L',
  '0 0 * * 1-5,L',
  '0 0 * * MONL',
  '0 0 L FEB *',
  '0 0 31 FEB *',
  '0 0 * * 8#1',
  '0 0 * * 7#5',
  '*/100 * * * *',
];

describe('the cron syntax check', () => {
  it.each(EXPRESSIONS)('agrees with cron-parser on %j', (expression) => {
    let parserAccepts = true;
    try {
      CronExpressionParser.parse(expression, { currentDate: new Date('2025-01-01T00:00:00Z') }).next();
    } catch {
      parserAccepts = false;
    }
    expect(cronProblem(expression) === null).toBe(parserAccepts);
  });
});
