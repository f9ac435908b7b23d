import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@gtr/config';
import { ApiKeysRepository, TenantsRepository } from '@gtr/data';
import { createTestDatabase, truncateAll, type TestDatabase } from '@gtr/testing';
import { DEFAULT_TENANT, ensureAdminKey } from './admin-key';
import { type Runtime } from './runtime';

const FIXED_KEY = 'gtr_fixed_admin_key_for_tests_0123';

describe('ensureAdminKey', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 2 });
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    await truncateAll(db.dataSource);
    dataDir = mkdtempSync(join(tmpdir(), 'gtr-admin-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function runtime(
    env: Record<string, string>,
    embedded: boolean,
  ): Pick<Runtime, 'config' | 'repositories' | 'embedded'> {
    return {
      config: loadConfig({ GTR_DATA_DIR: dataDir, PORT: '4100', ...env }),
      embedded: { database: embedded, redis: true },
      repositories: {
        tenants: new TenantsRepository(db.dataSource),
        apiKeys: new ApiKeysRepository(db.dataSource),
      } as Runtime['repositories'],
    };
  }
  const keys = () => new ApiKeysRepository(db.dataSource);
  const saved = () => JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8'));

  it('ensures GTR_ADMIN_API_KEY as an admin key of the default tenant, saving nothing in distributed mode', async () => {
    const outcome = await ensureAdminKey(runtime({ GTR_ADMIN_API_KEY: FIXED_KEY }, false));

    expect(outcome).toEqual({ tenantId: expect.any(String), createdKey: null, credentialsFile: null });
    expect(await keys().authenticate(FIXED_KEY)).toMatchObject({
      tenantId: outcome.tenantId,
      scopes: ['admin'],
    });
    expect((await new TenantsRepository(db.dataSource).findById(outcome.tenantId))?.name).toBe(
      DEFAULT_TENANT,
    );
    // Twice is the same key, not a second one.
    await ensureAdminKey(runtime({ GTR_ADMIN_API_KEY: FIXED_KEY }, false));
    expect(await keys().list(outcome.tenantId)).toHaveLength(1);
  });

  it('saves GTR_ADMIN_API_KEY for the CLI in embedded mode', async () => {
    const outcome = await ensureAdminKey(runtime({ GTR_ADMIN_API_KEY: FIXED_KEY }, true));

    expect(outcome.credentialsFile).toBe(join(dataDir, 'credentials.json'));
    expect(saved()).toEqual({ apiUrl: 'http://127.0.0.1:4100', apiKey: FIXED_KEY });
  });

  it('creates no key in distributed mode without GTR_ADMIN_API_KEY', async () => {
    const outcome = await ensureAdminKey(runtime({}, false));

    expect(outcome).toEqual({ tenantId: expect.any(String), createdKey: null, credentialsFile: null });
    expect(await keys().list(outcome.tenantId)).toEqual([]);
  });

  it('creates a key on the first embedded start, saves it 0600, and reuses it on the next start', async () => {
    const first = await ensureAdminKey(runtime({}, true));

    expect(first.createdKey).toMatch(/^gtr_/);
    expect(first.credentialsFile).toBe(join(dataDir, 'credentials.json'));
    expect(statSync(first.credentialsFile as string).mode & 0o777).toBe(0o600);
    expect(saved()).toEqual({ apiUrl: 'http://127.0.0.1:4100', apiKey: first.createdKey });
    expect(await keys().authenticate(first.createdKey as string)).toMatchObject({ scopes: ['admin'] });

    const second = await ensureAdminKey(runtime({}, true));
    expect(second).toEqual({
      tenantId: first.tenantId,
      createdKey: null,
      credentialsFile: first.credentialsFile,
    });
    expect(await keys().list(first.tenantId)).toHaveLength(1);
  });

  it('updates the saved api URL when the port changed, keeping the key', async () => {
    const first = await ensureAdminKey(runtime({}, true));
    const second = await ensureAdminKey(runtime({ PORT: '4200' }, true));

    expect(second.createdKey).toBeNull();
    expect(saved()).toEqual({ apiUrl: 'http://127.0.0.1:4200', apiKey: first.createdKey });
  });

  it.each([
    [
      'a key this database does not know',
      JSON.stringify({ apiUrl: 'http://127.0.0.1:4100', apiKey: 'gtr_stale' }),
    ],
    ['a file that is not JSON', '{ "apiUrl": '],
    ['JSON of another shape', JSON.stringify({ url: 'x' })],
  ])('replaces a credentials file with %s by a new key', async (_what, content) => {
    writeFileSync(join(dataDir, 'credentials.json'), content);

    const outcome = await ensureAdminKey(runtime({}, true));

    expect(outcome.createdKey).toMatch(/^gtr_/);
    expect(saved().apiKey).toBe(outcome.createdKey);
    expect(await keys().authenticate(outcome.createdKey as string)).not.toBeNull();
  });
});
