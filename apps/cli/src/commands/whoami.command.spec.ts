import { fakeClient, gtr, TEST_KEY } from '../../test/cli-harness';

const me = { tenantId: 't-1', tenantName: 'Acme', keyId: 'key-1', scopes: ['runs:read', 'runs:write'] };

describe('gtr whoami', () => {
  it('shows tenant, key, scopes and API without the key itself', async () => {
    const client = fakeClient();
    client.me.mockResolvedValue(me);
    const result = await gtr(['whoami'], { client });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Tenant  Acme (t-1)',
        'Key     key-1 (from GTR_API_KEY)',
        'Scopes  runs:read, runs:write',
        'API     http://api.test',
        '',
      ].join('\n'),
    );
    expect(result.stdout).not.toContain(TEST_KEY);
  });

  it('prints JSON with --json and a dash for no scopes', async () => {
    const client = fakeClient();
    client.me.mockResolvedValue({ ...me, scopes: [] });
    const json = await gtr(['whoami', '--json'], { client });
    expect(JSON.parse(json.stdout)).toEqual({
      ...me,
      scopes: [],
      apiUrl: 'http://api.test',
      keySource: 'GTR_API_KEY',
    });
    const text = await gtr(['whoami'], { client });
    expect(text.stdout).toContain('Scopes  -\n');
  });
});
