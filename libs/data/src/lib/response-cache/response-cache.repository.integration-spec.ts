import { type TestDatabase } from '../../../test/test-database';
import { useTenantDatabase } from '../../../test/tenant-database';
import { type ResponseCacheEntry } from './response-cache-entry';
import { ResponseCacheRepository } from './response-cache.repository';

const KEY = 'a'.repeat(64);

const entry = (overrides: Partial<ResponseCacheEntry> = {}): ResponseCacheEntry => ({
  provider: 'openai',
  model: 'gpt-4o-mini',
  outputText: 'Seven.',
  outputJson: null,
  finishReason: 'stop',
  usage: { promptTokens: 12, completionTokens: 3, totalTokens: 15, cachedTokens: 0 },
  ...overrides,
});

describe('ResponseCacheRepository', () => {
  let db: TestDatabase;
  let cache: ResponseCacheRepository;
  let tenantId: string;
  let otherTenantId: string;

  useTenantDatabase('response_cache', (ctx) => {
    ({ db, tenantId, otherTenantId } = ctx);
    cache = new ResponseCacheRepository(db.dataSource);
  });

  /** Moves an entry's clock back, as if it had been stored `seconds` ago. */
  const age = (key: string, seconds: number) =>
    db.dataSource.query(
      `UPDATE response_cache SET created_at = created_at - $2 * interval '1 second',
         expires_at = expires_at - $2 * interval '1 second' WHERE key = $1`,
      [key, seconds],
    );

  it('returns what was put, with when it was stored and until when it holds', async () => {
    await cache.put(
      tenantId,
      KEY,
      entry({
        outputJson: { n: 7 },
        usage: { promptTokens: 9, completionTokens: 2, totalTokens: 11, cachedTokens: 4 },
      }),
      60,
    );
    const hit = await cache.get(tenantId, KEY);
    expect(hit).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      outputText: 'Seven.',
      outputJson: { n: 7 },
      finishReason: 'stop',
      usage: { promptTokens: 9, completionTokens: 2, totalTokens: 11, cachedTokens: 4 },
      createdAt: expect.any(Date),
      expiresAt: expect.any(Date),
    });
    expect(hit!.expiresAt.getTime() - hit!.createdAt.getTime()).toBe(60_000);
  });

  it('keeps a JSON string, a null output and a missing finish reason as they are', async () => {
    await cache.put(
      tenantId,
      KEY,
      entry({ outputText: null, outputJson: 'just text', finishReason: null }),
      60,
    );
    expect(await cache.get(tenantId, KEY)).toMatchObject({
      outputText: null,
      outputJson: 'just text',
      finishReason: null,
    });
  });

  it('misses an unknown key, and any key of a malformed tenant id', async () => {
    await cache.put(tenantId, KEY, entry(), 60);
    expect(await cache.get(tenantId, 'b'.repeat(64))).toBeNull();
    expect(await cache.get('not-a-uuid', KEY)).toBeNull();
    await cache.put('not-a-uuid', KEY, entry(), 60);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM response_cache');
    expect(n).toBe(1);
  });

  it('never shows one tenant another tenant’s answer', async () => {
    await cache.put(tenantId, KEY, entry({ outputText: 'mine' }), 60);
    expect(await cache.get(otherTenantId, KEY)).toBeNull();
    await cache.put(otherTenantId, KEY, entry({ outputText: 'theirs' }), 60);
    expect((await cache.get(tenantId, KEY))!.outputText).toBe('mine');
    expect((await cache.get(otherTenantId, KEY))!.outputText).toBe('theirs');
  });

  it('ignores an expired entry', async () => {
    await cache.put(tenantId, KEY, entry(), 60);
    await age(KEY, 59);
    expect(await cache.get(tenantId, KEY)).not.toBeNull();
    await age(KEY, 2);
    expect(await cache.get(tenantId, KEY)).toBeNull();
  });

  it('ignores an entry older than the reader’s max age, though it has not expired', async () => {
    await cache.put(tenantId, KEY, entry(), 3600);
    await age(KEY, 120);
    expect(await cache.get(tenantId, KEY, 600)).not.toBeNull();
    expect(await cache.get(tenantId, KEY, 60)).toBeNull();
    expect(await cache.get(tenantId, KEY, null)).not.toBeNull();
  });

  it('replaces the answer on a second put and never shortens a live entry', async () => {
    await cache.put(tenantId, KEY, entry({ outputText: 'first' }), 3600);
    await age(KEY, 10);
    await cache.put(tenantId, KEY, entry({ outputText: 'second', model: 'gpt-4o' }), 60);
    const hit = (await cache.get(tenantId, KEY))!;
    expect(hit).toMatchObject({ outputText: 'second', model: 'gpt-4o' });
    // The first put's expiry (3600 s after it, 10 s ago) holds, not the second's 60 s.
    const lifetimeMs = hit.expiresAt.getTime() - hit.createdAt.getTime();
    expect(lifetimeMs).toBeGreaterThan(3_580_000);
    expect(lifetimeMs).toBeLessThanOrEqual(3_590_000);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM response_cache');
    expect(n).toBe(1);
  });

  it('brings an expired entry back to life with the new answer', async () => {
    await cache.put(tenantId, KEY, entry({ outputText: 'old' }), 60);
    await age(KEY, 120);
    await cache.put(tenantId, KEY, entry({ outputText: 'new' }), 30);
    expect((await cache.get(tenantId, KEY))!.outputText).toBe('new');
  });

  it.each([0, -5, Number.NaN])('stores nothing for a TTL of %d', async (ttl) => {
    await cache.put(tenantId, KEY, entry(), ttl);
    expect(await cache.get(tenantId, KEY)).toBeNull();
  });

  it('purges expired entries in bounded batches, oldest first, leaving live ones', async () => {
    for (const [i, pastSeconds] of [300, 100, 200].entries()) {
      const key = `expired-${i}`;
      await cache.put(tenantId, key, entry(), 60);
      await age(key, pastSeconds);
    }
    await cache.put(otherTenantId, 'live', entry(), 60);

    expect(await cache.purgeExpired(2)).toBe(2);
    const left: Array<{ key: string }> = await db.dataSource.query(
      'SELECT key FROM response_cache ORDER BY key',
    );
    expect(left.map((row) => row.key)).toEqual(['expired-1', 'live']);
    expect(await cache.purgeExpired(10)).toBe(1);
    expect(await cache.purgeExpired(10)).toBe(0);
    expect(await cache.get(otherTenantId, 'live')).not.toBeNull();
  });

  it('lets two purges run at once without deleting a row twice', async () => {
    for (let i = 0; i < 20; i++) await cache.put(tenantId, `k${i}`, entry(), 1);
    await db.dataSource.query(`UPDATE response_cache SET expires_at = now() - interval '1 minute'`);
    const counts = await Promise.all([cache.purgeExpired(15), cache.purgeExpired(15)]);
    expect(counts[0] + counts[1] + (await cache.purgeExpired(15))).toBe(20);
  });
});
