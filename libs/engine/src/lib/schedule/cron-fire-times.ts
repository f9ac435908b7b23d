import { CronExpressionParser } from 'cron-parser';
import { CRON_EXAMPLE, CRON_SECONDS_EXAMPLE, GtrError, cronProblem } from '@gtr/domain';
import { type FireTimeCursor } from './fire-time-cursor';

/**
 * Fire times of a cron expression in `timezone`, strictly after `after`. DST-correct: a wall time
 * skipped by a spring-forward change fires at the first instant after the gap (02:30 → 03:30),
 * and a wall time repeated by a fall-back change fires once, at its first occurrence.
 * @throws GtrError `E_VALIDATION` (field `cron` or `timezone`) for an expression or zone that
 * cannot be read.
 */
export function cronFireTimes(cron: string, timezone: string, after: Date): FireTimeCursor {
  const problem = cronProblem(cron);
  if (problem) throw cronError(problem);
  let expression: ReturnType<typeof CronExpressionParser.parse>;
  try {
    expression = CronExpressionParser.parse(cron, { tz: timezone, currentDate: after, strict: false });
  } catch (error) {
    const example = cron.trim().split(/\s+/).length === 6 ? CRON_SECONDS_EXAMPLE : CRON_EXAMPLE;
    throw cronError(`invalid expression "${cron}" (${(error as Error).message}); example: "${example}"`);
  }
  return {
    next: () => {
      try {
        return expression.next().toDate();
      } catch {
        // No further fire time within the parser's search range (e.g. February 29th on a Monday, far off).
        return null;
      }
    },
  };
}

function cronError(problem: string): GtrError {
  return new GtrError('E_VALIDATION', `Invalid schedule: cron ${problem}`, [
    { field: 'cron', message: problem },
  ]);
}
