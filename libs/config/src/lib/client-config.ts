import { GtrError } from '@gtr/domain';
import { loadConfig } from './load-config';
import { readCredentials } from './credentials-file';

/** Where a client (CLI, dashboard server) finds the api and its key. */
export interface ClientConfig {
  apiUrl: string;
  apiKey: string | null;
  /** Where the key came from, for error messages (never the key itself). */
  keySource: 'GTR_API_KEY' | 'credentials file' | 'none';
}

/**
 * GTR_API_URL / GTR_API_KEY win; otherwise the credentials embedded mode saved under
 * GTR_DATA_DIR (default `.gtr` in the working directory).
 */
export function loadClientConfig(env: Record<string, string | undefined> = process.env): ClientConfig {
  const config = loadConfig(env);
  const saved = readCredentials(config.GTR_DATA_DIR);
  const apiUrl = config.GTR_API_URL ?? saved?.apiUrl ?? `http://127.0.0.1:${config.PORT}`;
  if (config.GTR_API_KEY) return { apiUrl, apiKey: config.GTR_API_KEY, keySource: 'GTR_API_KEY' };
  if (saved) return { apiUrl, apiKey: saved.apiKey, keySource: 'credentials file' };
  return { apiUrl, apiKey: null, keySource: 'none' };
}

export function requireApiKey(config: ClientConfig): string {
  if (config.apiKey) return config.apiKey;
  throw new GtrError(
    'E_CONFIG_MISSING',
    'No API key: set GTR_API_KEY, or run the CLI where `npm start` saved .gtr/credentials.json (or set GTR_DATA_DIR).',
  );
}
