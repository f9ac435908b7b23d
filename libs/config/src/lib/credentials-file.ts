import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What embedded mode saves for the CLI: where the api is and the admin key. */
export interface SavedCredentials {
  apiUrl: string;
  apiKey: string;
}

export const CREDENTIALS_FILE = 'credentials.json';

export function credentialsPath(dataDir: string): string {
  return join(dataDir, CREDENTIALS_FILE);
}

/** Writes the credentials readable by the owner only (0600). */
export function saveCredentials(dataDir: string, credentials: SavedCredentials): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = credentialsPath(dataDir);
  writeFileSync(path, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

export function readCredentials(dataDir: string): SavedCredentials | null {
  const path = credentialsPath(dataDir);
  if (!existsSync(path)) return null;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    typeof (parsed as SavedCredentials).apiUrl === 'string' &&
    typeof (parsed as SavedCredentials).apiKey === 'string'
  ) {
    return parsed as SavedCredentials;
  }
  return null;
}
