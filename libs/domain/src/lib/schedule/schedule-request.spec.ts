import { type z } from 'zod';
import { GtrError } from '../gtr-error';
import { parseOrThrow } from '../validation';
import { createScheduleSchema, updateScheduleSchema } from './schedule-request';

const prompt = { type: 'prompt', prompt: 'Say hi' } as const;

function issuesOf(
  body: unknown,
  schema: z.ZodType = createScheduleSchema,
): Array<{ field: string; message: string }> {
  try {
    parseOrThrow(schema, body);
  } catch (error) {
    expect(error).toBeInstanceOf(GtrError);
    expect((error as GtrError).code).toBe('E_VALIDATION');
    return (error as GtrError).issues;
  }
  throw new Error('expected a validation error');
}

describe('createScheduleSchema', () => {
  it('fills the defaults: UTC, enabled, skip and skip', () => {
    expect(createScheduleSchema.parse({ name: 'nightly', cron: '0 2 * * *', target: prompt })).toEqual({
      name: 'nightly',
      cron: '0 2 * * *',
      timezone: 'UTC',
      target: prompt,
      enabled: true,
      overlapPolicy: 'skip',
      missedPolicy: 'skip',
    });
  });

  it('takes an interval, a time zone, policies and a task target with input', () => {
    const body = {
      name: 'digest.v2',
      every: '30s',
      timezone: 'Europe/Berlin',
      target: { type: 'task', task: 'summarize', version: 3, input: { topic: 'news' } },
      enabled: false,
      overlapPolicy: 'cancel_previous',
      missedPolicy: 'run_once',
    };
    expect(createScheduleSchema.parse(body)).toEqual(body);
  });

  it('defaults a task target input to {}', () => {
    const parsed = createScheduleSchema.parse({
      name: 'a',
      every: '1m',
      target: { type: 'task', task: 'summarize' },
    });
    expect(parsed.target).toEqual({ type: 'task', task: 'summarize', input: {} });
  });

  it('names the cron field and shows an example for a bad expression', () => {
    expect(issuesOf({ name: 'a', cron: '61 * * * *', target: prompt })).toEqual([
      {
        field: 'cron',
        message: 'invalid expression "61 * * * *" (minute 61 out of range 0-59); example: "*/5 * * * *"',
      },
    ]);
  });

  it('names the timezone field and shows an example for an unknown zone', () => {
    expect(issuesOf({ name: 'a', cron: '* * * * *', timezone: 'Mars/Base', target: prompt })).toEqual([
      {
        field: 'timezone',
        message: 'unknown IANA time zone "Mars/Base"; example: "Europe/Berlin" (or "UTC")',
      },
    ]);
  });

  it('needs exactly one of cron and every', () => {
    expect(issuesOf({ name: 'a', target: prompt })).toEqual([
      { field: 'cron', message: 'is required (or give every); example: "*/5 * * * *"' },
    ]);
    expect(issuesOf({ name: 'a', cron: '* * * * *', every: '5m', target: prompt })).toEqual([
      { field: 'every', message: 'cannot be combined with cron; give one of them' },
    ]);
  });

  it.each([
    [{ name: 'Bad Name', cron: '* * * * *', target: prompt }, 'name'],
    [{ name: '-a', cron: '* * * * *', target: prompt }, 'name'],
    [{ name: 'a'.repeat(101), cron: '* * * * *', target: prompt }, 'name'],
    [{ name: 'a', every: '5 minutes', target: prompt }, 'every'],
    [{ name: 'a', every: '1m', target: { type: 'workflow' } }, 'target.type'],
    [{ name: 'a', every: '1m', target: { type: 'prompt' } }, 'target.prompt'],
    [
      {
        name: 'a',
        every: '1m',
        target: { type: 'prompt', prompt: 'x', messages: [{ role: 'user', content: 'y' }] },
      },
      'target.messages',
    ],
    [
      {
        name: 'a',
        every: '1m',
        target: { type: 'prompt', system: 's', messages: [{ role: 'user', content: 'y' }] },
      },
      'target.system',
    ],
    [{ name: 'a', every: '1m', target: { type: 'prompt', prompt: 'x'.repeat(1_000_001) } }, 'target.prompt'],
    [
      { name: 'a', every: '1m', target: { type: 'prompt', prompt: 'x', params: { temperature: 3 } } },
      'target.params.temperature',
    ],
    [{ name: 'a', every: '1m', target: { type: 'task', task: 'Bad Task' } }, 'target.task'],
    [{ name: 'a', every: '1m', target: { type: 'task', task: 't', version: 0 } }, 'target.version'],
    [{ name: 'a', every: '1m', target: { type: 'batch', taskFile: 'rows.csv' } }, 'target.taskFile'],
    [{ name: 'a', every: '1m', target: prompt, overlapPolicy: 'queue' }, 'overlapPolicy'],
    [{ name: 'a', every: '1m', target: prompt, missedPolicy: 'run_all' }, 'missedPolicy'],
    [{ name: 'a', every: '1m', target: prompt, extra: 1 }, '(body)'],
  ])('rejects %j naming %s', (body, field) => {
    expect(issuesOf(body).map((issue) => issue.field)).toContain(field);
  });

  it('accepts a batch target: a stored task file and where the CLI writes results', () => {
    const target = { type: 'batch', taskFile: '8f0c2a52-8a53-4b8e-9d0e-6f6f0c7f4a11', output: 'out.jsonl' };
    expect(createScheduleSchema.parse({ name: 'a', every: '1h', target }).target).toEqual(target);
  });
});

describe('updateScheduleSchema', () => {
  it('takes any subset of the fields', () => {
    expect(updateScheduleSchema.parse({ every: '1h', enabled: false })).toEqual({
      every: '1h',
      enabled: false,
    });
  });

  it('refuses an empty change and cron with every', () => {
    expect(issuesOf({}, updateScheduleSchema)).toEqual([
      { field: '(body)', message: 'must change at least one field' },
    ]);
    expect(issuesOf({ cron: '* * * * *', every: '1m' }, updateScheduleSchema)[0].field).toBe('every');
  });

  it('validates each field as create does', () => {
    expect(issuesOf({ cron: '* * * 13 *' }, updateScheduleSchema)[0]).toEqual({
      field: 'cron',
      message: 'invalid expression "* * * 13 *" (month 13 out of range 1-12); example: "*/5 * * * *"',
    });
    expect(issuesOf({ timezone: 'Nowhere' }, updateScheduleSchema)[0].field).toBe('timezone');
  });
});
