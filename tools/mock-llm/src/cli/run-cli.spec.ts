import { runCli } from './run-cli';

describe('runCli', () => {
  it('prints the usage for --help and starts nothing', async () => {
    const lines: string[] = [];
    await expect(runCli(['--help'], (line) => lines.push(line))).resolves.toBeNull();
    expect(lines[0]).toContain('Usage: mock-llm');
  });

  it('starts a mock with the flags and prints its base URL', async () => {
    const lines: string[] = [];
    const mock = await runCli(['--port', '0', '--rpm', '600', '--latency', '5'], (line) => lines.push(line));
    try {
      expect(mock).not.toBeNull();
      expect(lines).toEqual([mock!.url]);
      expect(mock!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(mock!.config()).toMatchObject({ rpm: 600, latencyMs: 5 });
      const health = await fetch(mock!.url.replace('/v1', '/_mock/health'));
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      await mock?.close();
    }
  });

  it('refuses an out-of-range value before listening', async () => {
    await expect(runCli(['--port', '0', '--fault', 'hang=2'], () => undefined)).rejects.toThrow(
      'faults.hang',
    );
  });
});
