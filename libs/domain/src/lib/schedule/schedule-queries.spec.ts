import {
  listSchedulesQuerySchema,
  nextFiresQuerySchema,
  scheduleHistoryQuerySchema,
} from './schedule-queries';

describe('schedule queries', () => {
  it('default and coerce from the query string', () => {
    expect(listSchedulesQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(scheduleHistoryQuerySchema.parse({ limit: '10', cursor: 'c' })).toEqual({
      limit: 10,
      cursor: 'c',
    });
    expect(nextFiresQuerySchema.parse({})).toEqual({ count: 5 });
    expect(nextFiresQuerySchema.parse({ count: '100' })).toEqual({ count: 100 });
  });

  it.each([{ count: '0' }, { count: '101' }, { count: 'x' }, { from: 'now' }])('refuses %j', (query) => {
    expect(nextFiresQuerySchema.safeParse(query).success).toBe(false);
  });
});
