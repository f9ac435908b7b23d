import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { TenantsRepository } from './tenants.repository';

describe('TenantsRepository', () => {
  let db: TestDatabase;
  let tenants: TenantsRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    tenants = new TenantsRepository(db.dataSource);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('ensureTenant creates a tenant once, also under concurrent calls', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => tenants.ensureTenant('acme')));
    expect(new Set(results.map((t) => t.id)).size).toBe(1);
    expect(results[0]).toEqual({ id: results[0].id, name: 'acme', createdAt: expect.any(String) });
    expect(new Date(results[0].createdAt).toISOString()).toBe(results[0].createdAt);
    const [{ count }] = await db.dataSource.query(
      `SELECT count(*)::int AS count FROM tenants WHERE name = 'acme'`,
    );
    expect(count).toBe(1);
  });

  it('findById returns the tenant, or null for an unknown or malformed id', async () => {
    const tenant = await tenants.ensureTenant('globex');
    expect(await tenants.findById(tenant.id)).toEqual(tenant);
    expect(await tenants.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await tenants.findById('not-a-uuid')).toBeNull();
  });
});
