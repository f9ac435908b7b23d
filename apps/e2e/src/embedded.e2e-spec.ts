import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Proc, API_MAIN, freePort, runGtr, startProcess, waitForReady } from '@gtr/testing/system';

describe('embedded mode: one process, PGlite, in-process queue, dry-run provider', () => {
  let api: Proc;
  let dataDir: string;
  let apiUrl: string;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gtr-embedded-'));
    port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = startProcess('api', API_MAIN, { GTR_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    await waitForReady(apiUrl, api);
  });

  afterAll(() => api?.stop());

  it('creates an admin key on first start, shows it once and saves it 0600 for the CLI', () => {
    expect(api.output()).toMatch(/Admin API key \(shown once/);
    expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('answers `gtr run -p … --wait` using the saved credentials', async () => {
    const result = await runGtr(['run', '-p', 'Say hi', '--wait'], { GTR_DATA_DIR: dataDir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('hi');
    const list = await runGtr(['runs', 'list', '--json'], { GTR_DATA_DIR: dataDir });
    expect(JSON.parse(list.stdout).data[0]).toMatchObject({ status: 'succeeded', provider: 'dry-run' });
  });

  it('keeps its data and key across a restart', async () => {
    await api.stop();
    api = startProcess('api', API_MAIN, { GTR_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    await waitForReady(apiUrl, api);
    expect(api.output()).not.toMatch(/shown once/);
    const list = await runGtr(['runs', 'list', '--json'], { GTR_DATA_DIR: dataDir });
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout).data.length).toBeGreaterThanOrEqual(1);
  });
});
