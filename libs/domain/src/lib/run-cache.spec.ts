import { createRunSchema } from './run-request';
import { MAX_CACHE_TTL_SECONDS, runCacheSchema } from './run-cache';
import { createTaskRunSchema } from './task/task-run-request';

const fieldsOf = (input: unknown): string[] => {
  const result = createRunSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('the run cache opt-in', () => {
  it('is absent unless asked for', () => {
    expect(createRunSchema.parse({ prompt: 'Hi' })).not.toHaveProperty('cache');
  });

  it.each([1, 3600, MAX_CACHE_TTL_SECONDS])('accepts ttlSeconds %i on a run', (ttlSeconds) => {
    expect(createRunSchema.parse({ prompt: 'Hi', cache: { ttlSeconds } }).cache).toEqual({ ttlSeconds });
  });

  it.each<[string, unknown, string]>([
    ['0 seconds', { ttlSeconds: 0 }, 'cache.ttlSeconds'],
    ['more than 30 days', { ttlSeconds: MAX_CACHE_TTL_SECONDS + 1 }, 'cache.ttlSeconds'],
    ['a fraction', { ttlSeconds: 1.5 }, 'cache.ttlSeconds'],
    ['a string', { ttlSeconds: '60' }, 'cache.ttlSeconds'],
    ['no ttl', {}, 'cache.ttlSeconds'],
    ['true', true, 'cache'],
    ['an unknown field', { ttlSeconds: 60, scope: 'global' }, 'cache'],
  ])('rejects %s, naming %s', (_what, cache, field) => {
    expect(fieldsOf({ prompt: 'Hi', cache })).toEqual([field]);
  });

  it('is accepted by the task form of a run too', () => {
    expect(createTaskRunSchema.parse({ task: 'summarise', cache: { ttlSeconds: 60 } }).cache).toEqual({
      ttlSeconds: 60,
    });
    expect(createTaskRunSchema.safeParse({ task: 'summarise', cache: { ttlSeconds: 0 } }).success).toBe(
      false,
    );
  });

  it('is its own schema, for other request forms', () => {
    expect(runCacheSchema.safeParse({ ttlSeconds: 60 }).success).toBe(true);
  });
});
