import { GtrError } from '@gtr/domain';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { TenantsRepository } from '../tenants/tenants.repository';
import { hashApiKey } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';

describe('ApiKeysRepository', () => {
  let db: TestDatabase;
  let keys: ApiKeysRepository;
  let tenantId: string;
  let otherTenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    keys = new ApiKeysRepository(db.dataSource);
    const tenants = new TenantsRepository(db.dataSource);
    tenantId = (await tenants.ensureTenant('acme')).id;
    otherTenantId = (await tenants.ensureTenant('globex')).id;
  });

  afterAll(async () => {
    await db.drop();
  });

  const lastUsedAt = async (keyId: string): Promise<Date | null> =>
    (await db.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [keyId]))[0].last_used_at;

  it('generateApiKey returns a fresh gtr_ key each time', () => {
    const a = keys.generateApiKey();
    expect(a).toMatch(/^gtr_[A-Za-z0-9_-]{43}$/);
    expect(keys.generateApiKey()).not.toBe(a);
  });

  it('createKey returns the plaintext once and stores only its hash', async () => {
    const { key, view } = await keys.createKey(tenantId, 'ci', ['runs:write']);
    expect(view).toEqual({
      id: expect.any(String),
      tenantId,
      name: 'ci',
      prefix: key.slice(0, 12),
      scopes: ['runs:write'],
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(view)).not.toContain(hashApiKey(key));
    const [row] = await db.dataSource.query('SELECT * FROM api_keys WHERE id = $1', [view.id]);
    expect(row.key_hash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it('authenticate resolves a key to its tenant and scopes, and rejects others', async () => {
    const { key, view } = await keys.createKey(tenantId, 'auth', ['runs:read', 'runs:write']);
    expect(await keys.authenticate(key)).toEqual({
      tenantId,
      keyId: view.id,
      scopes: ['runs:read', 'runs:write'],
    });
    expect(await keys.authenticate(keys.generateApiKey())).toBeNull();
    expect(await keys.authenticate('short')).toBeNull();
    expect(await keys.authenticate('gtr_' + 'x'.repeat(300))).toBeNull();
  });

  it('authenticate records the use at most once a minute', async () => {
    const { key, view } = await keys.createKey(tenantId, 'usage', []);
    await keys.authenticate(key);
    const first = await lastUsedAt(view.id);
    expect(first).toBeInstanceOf(Date);
    await keys.authenticate(key);
    expect(await lastUsedAt(view.id)).toEqual(first);
    await db.dataSource.query(
      `UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`,
      [view.id],
    );
    const stale = await lastUsedAt(view.id);
    await keys.authenticate(key);
    expect((await lastUsedAt(view.id))!.getTime()).toBeGreaterThan(stale!.getTime());
  });

  it('revoke stops a key from authenticating, once, and only for its tenant', async () => {
    const { key, view } = await keys.createKey(tenantId, 'revoked', []);
    expect(await keys.revoke(otherTenantId, view.id)).toBe(false);
    expect(await keys.authenticate(key)).not.toBeNull();
    expect(await keys.revoke(tenantId, view.id)).toBe(true);
    expect(await keys.revoke(tenantId, view.id)).toBe(false);
    expect(await keys.revoke(tenantId, 'not-a-uuid')).toBe(false);
    expect(await keys.authenticate(key)).toBeNull();
    const listed = await keys.list(tenantId);
    expect(listed.find((k) => k.id === view.id)?.revokedAt).toEqual(expect.any(String));
  });

  it('ensureKey is idempotent, follows name and scopes, and keeps a revocation', async () => {
    const admin = 'gtr_admin-key-from-the-environment';
    const first = await keys.ensureKey(tenantId, admin, 'admin', ['admin']);
    const second = await keys.ensureKey(tenantId, admin, 'admin', ['admin', 'runs:write']);
    expect(second.id).toBe(first.id);
    expect(second.scopes).toEqual(['admin', 'runs:write']);
    expect(second.prefix).toBe(admin.slice(0, 12));
    expect(await keys.authenticate(admin)).toEqual({
      tenantId,
      keyId: first.id,
      scopes: ['admin', 'runs:write'],
    });
    await keys.revoke(tenantId, first.id);
    expect((await keys.ensureKey(tenantId, admin, 'admin', ['admin'])).revokedAt).not.toBeNull();
    expect(await keys.authenticate(admin)).toBeNull();
  });

  it('ensureKey refuses a key of another tenant and a too short key', async () => {
    const key = 'gtr_belongs-to-acme-only';
    await keys.ensureKey(tenantId, key, 'acme', []);
    await expect(keys.ensureKey(otherTenantId, key, 'globex', [])).rejects.toMatchObject({
      code: 'E_CONFLICT',
    });
    const error = await keys.ensureKey(tenantId, 'gtr_short', 'x', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'key' }] });
    expect((error as Error).message).not.toContain('gtr_short');
  });

  it('list returns only the tenant keys, newest first', async () => {
    const { view } = await keys.createKey(otherTenantId, 'globex-key', []);
    const listed = await keys.list(otherTenantId);
    expect(listed[0]).toEqual(view);
    expect(listed.every((k) => k.tenantId === otherTenantId)).toBe(true);
    expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}/);
    expect(await keys.list('not-a-uuid')).toEqual([]);
  });
});
