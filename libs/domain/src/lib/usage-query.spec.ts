import {
  DEFAULT_USAGE_WINDOW_DAYS,
  resolveUsageRange,
  usageQuerySchema,
  usageRangeIssue,
} from './usage-query';

const NOW = new Date('2026-03-15T10:20:30.000Z');

describe('the usage query', () => {
  it('defaults groupBy to day and leaves the window open', () => {
    expect(usageQuerySchema.parse({})).toEqual({ groupBy: 'day' });
  });

  it.each(['day', 'model', 'task', 'provider', 'status'])('accepts groupBy=%s', (groupBy) => {
    expect(usageQuerySchema.parse({ groupBy }).groupBy).toBe(groupBy);
  });

  it.each(['2026-01-31', '2026-01-31T12:00:00Z', '2026-01-31T12:00:00.123Z', '2026-01-31T12:00:00+02:00'])(
    'accepts from=%s',
    (from) => {
      expect(usageQuerySchema.parse({ from }).from).toBe(from);
    },
  );

  it.each<[Record<string, unknown>, string]>([
    [{ groupBy: 'week' }, 'groupBy'],
    [{ groupBy: '' }, 'groupBy'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2026-01-31T12:00:00' }, 'from'],
    [{ from: '2026-13-01' }, 'from'],
    [{ to: '1700000000' }, 'to'],
    [{ tenant: 'other' }, ''],
  ])('rejects %j naming "%s"', (query, field) => {
    const result = usageQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path.join('.')).toBe(field);
  });

  it('explains what a date must look like', () => {
    const result = usageQuerySchema.safeParse({ from: 'last week' });
    expect(result.error!.issues[0].message).toMatch(/ISO 8601 date \(2026-01-31\) or date-time/);
  });
});

describe('resolveUsageRange', () => {
  it(`covers the last ${DEFAULT_USAGE_WINDOW_DAYS} days up to now by default`, () => {
    expect(resolveUsageRange({}, NOW)).toEqual({ from: new Date('2026-02-13T10:20:30.000Z'), to: NOW });
  });

  it('counts the default window back from an explicit to', () => {
    expect(resolveUsageRange({ to: '2026-01-31T00:00:00Z' }, NOW).from).toEqual(
      new Date('2026-01-01T00:00:00.000Z'),
    );
  });

  it('runs a window with only from up to now', () => {
    expect(resolveUsageRange({ from: '2026-03-01' }, NOW)).toEqual({
      from: new Date('2026-03-01T00:00:00.000Z'),
      to: NOW,
    });
  });

  it('reads a plain date in to as the end of that day, so both ends are included', () => {
    expect(resolveUsageRange({ from: '2026-01-01', to: '2026-01-31' }, NOW)).toEqual({
      from: new Date('2026-01-01T00:00:00.000Z'),
      to: new Date('2026-02-01T00:00:00.000Z'),
    });
  });

  it('keeps a date-time as the instant it names, offsets included', () => {
    expect(resolveUsageRange({ from: '2026-01-01T02:00:00+02:00', to: '2026-01-02T00:00:00Z' }, NOW)).toEqual(
      {
        from: new Date('2026-01-01T00:00:00.000Z'),
        to: new Date('2026-01-02T00:00:00.000Z'),
      },
    );
  });
});

describe('usageRangeIssue', () => {
  it('accepts from before to', () => {
    expect(usageRangeIssue({ from: new Date(0), to: new Date(1) })).toBeNull();
  });

  it.each([
    [new Date(5), new Date(5)],
    [new Date(6), new Date(5)],
  ])('names from when it is not before to (%s, %s)', (from, to) => {
    expect(usageRangeIssue({ from, to })).toEqual({
      field: 'from',
      message: `must be before to (${to.toISOString()})`,
    });
  });
});
