import { listRunsQuerySchema } from './list-runs-query';

describe('the list-runs query', () => {
  it('defaults limit to 50 and leaves filters absent', () => {
    expect(listRunsQuerySchema.parse({})).toEqual({ limit: 50 });
  });

  it('splits a comma-separated status list and coerces limit from the query string', () => {
    expect(listRunsQuerySchema.parse({ status: 'queued, running,,failed', limit: '10' })).toEqual({
      status: ['queued', 'running', 'failed'],
      limit: 10,
    });
  });

  it.each([
    [{ status: 'queued,done' }, 'status'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ batchId: 'not-a-uuid' }, 'batchId'],
    [{ cursor: '' }, 'cursor'],
  ])('rejects %j naming %s', (query, field) => {
    const result = listRunsQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path[0]).toBe(field);
  });

  it('rejects unknown parameters', () => {
    expect(listRunsQuerySchema.safeParse({ sort: 'asc' }).success).toBe(false);
  });
});
