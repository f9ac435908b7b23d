import { resolveDatabase } from './resolve-database';

describe('resolveDatabase', () => {
  it('uses DATABASE_URL as given and starts nothing', async () => {
    const db = await resolveDatabase({ databaseUrl: 'postgres://app@db:5432/gtr', dataDir: '/nonexistent' });
    expect(db).toMatchObject({ url: 'postgres://app@db:5432/gtr', embedded: false, poolSize: undefined });
    await expect(db.stop()).resolves.toBeUndefined();
  });
});
