import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GtrError } from '@gtr/domain';
import { loadClientConfig, requireApiKey } from './client-config';
import { credentialsPath, readCredentials, saveCredentials } from './credentials-file';

describe('client config', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gtr-config-'));
  });

  it('saves credentials readable by the owner only and reads them back', () => {
    const path = saveCredentials(join(dir, 'nested'), { apiUrl: 'http://127.0.0.1:3000', apiKey: 'gtr_abc' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readCredentials(join(dir, 'nested'))).toEqual({
      apiUrl: 'http://127.0.0.1:3000',
      apiKey: 'gtr_abc',
    });
  });

  it('ignores a missing or malformed credentials file', () => {
    expect(readCredentials(dir)).toBeNull();
    writeFileSync(credentialsPath(dir), JSON.stringify({ apiUrl: 1 }));
    expect(readCredentials(dir)).toBeNull();
  });

  it('prefers GTR_API_KEY / GTR_API_URL over the saved file', () => {
    saveCredentials(dir, { apiUrl: 'http://saved:1', apiKey: 'gtr_saved' });
    expect(loadClientConfig({ GTR_DATA_DIR: dir })).toEqual({
      apiUrl: 'http://saved:1',
      apiKey: 'gtr_saved',
      keySource: 'credentials file',
    });
    expect(
      loadClientConfig({ GTR_DATA_DIR: dir, GTR_API_KEY: 'gtr_env', GTR_API_URL: 'http://env:2' }),
    ).toEqual({
      apiUrl: 'http://env:2',
      apiKey: 'gtr_env',
      keySource: 'GTR_API_KEY',
    });
  });

  it('explains how to get a key when there is none', () => {
    const config = loadClientConfig({ GTR_DATA_DIR: dir, PORT: '4000' });
    expect(config).toEqual({ apiUrl: 'http://127.0.0.1:4000', apiKey: null, keySource: 'none' });
    expect(() => requireApiKey(config)).toThrow(GtrError);
    expect(() => requireApiKey(config)).toThrow(/GTR_API_KEY/);
    expect(requireApiKey({ ...config, apiKey: 'k' })).toBe('k');
  });
});
