import { fakeClient, gtr } from '../test/cli-harness';

describe('gtr program', () => {
  it('prints help on stdout and exits 0', async () => {
    const result = await gtr(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: gtr [options] [command]');
    expect(result.stdout).toContain('run [options]');
    expect(result.stdout).toContain('GTR_API_URL, GTR_API_KEY');
  });

  it('prints subcommand help without needing a key', async () => {
    const result = await gtr(['runs', 'list', '--help'], { env: {} });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--status <statuses>');
  });

  it('shows help on stderr and exits 30 without a command', async () => {
    const result = await gtr([]);
    expect(result.code).toBe(30);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: gtr');
  });

  it('exits 30 on an unknown command, with a suggestion', async () => {
    const result = await gtr(['rnu']);
    expect(result.code).toBe(30);
    expect(result.stderr).toContain("error E_VALIDATION: unknown command 'rnu'");
    expect(result.stderr).toContain('(Did you mean run?)');
  });

  it('exits 30 on extra arguments', async () => {
    const result = await gtr(['runs', 'get', 'a', 'b']);
    expect(result.code).toBe(30);
    expect(result.stderr).toContain('error E_VALIDATION: too many arguments');
  });

  it('exits 71 with the message of an unexpected error', async () => {
    const client = fakeClient();
    client.me.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'scopes')"));
    const result = await gtr(['whoami'], { client });
    expect(result.code).toBe(71);
    expect(result.stderr).toContain(
      "error E_INTERNAL: Cannot read properties of undefined (reading 'scopes')",
    );
  });

  it('exits 130 when interrupted outside a wait', async () => {
    const controller = new AbortController();
    const client = fakeClient();
    client.listRuns.mockImplementation(async () => {
      controller.abort();
      throw new DOMException('This operation was aborted', 'AbortError');
    });
    const result = await gtr(['runs', 'list'], { client, signal: controller.signal });
    expect(result).toMatchObject({ code: 130, stderr: 'Interrupted.\n' });
  });
});
