import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file under `<tmp>/gtr-web-e2e` (screenshots, service logs) for a person to look at. */
export function artifactPath(fileName: string): string {
  const dir = join(tmpdir(), 'gtr-web-e2e');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}
