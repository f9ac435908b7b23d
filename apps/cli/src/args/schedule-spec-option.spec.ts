import { scheduleSpecOption } from './schedule-spec-option';
import { UsageError } from './usage-error';

describe('scheduleSpecOption', () => {
  const parse = scheduleSpecOption('--schedule');

  it.each([
    ['*/5 * * * *', { cron: '*/5 * * * *' }],
    ['  0  9 * * MON-FRI ', { cron: '0 9 * * MON-FRI' }],
    ['*/30 * * * * *', { cron: '*/30 * * * * *' }],
    ['@daily', { cron: '@daily' }],
    ['every 5m', { every: '5m' }],
    ['Every  1h30m', { every: '1h30m' }],
    ['@every 30s', { every: '30s' }],
    ['90s', { every: '90s' }],
  ])('reads %j', (text, spec) => {
    expect(parse(text)).toEqual(spec);
  });

  it.each([
    ['61 * * * *', 'minute 61 out of range 0-59'],
    ['every 0s', 'shorter than 1s'],
    ['5x', '5x'],
    ['every day', 'invalid interval "day"'],
  ])('refuses %j', (text, problem) => {
    expect(() => parse(text)).toThrow(UsageError);
    expect(() => parse(text)).toThrow(problem);
  });
});
