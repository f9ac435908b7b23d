import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildService, startService } from './child-service';
import { freePort } from './free-port';
import { WORKSPACE_ROOT } from './workspace-root';

export const API_MAIN = 'dist/api/apps/api/src/main.js';

export interface EmbeddedApi extends ChildService {
  url: string;
}

/**
 * The built api in embedded mode: PGlite under a fresh data folder, the in-process queue and
 * worker, the dry-run provider (no DATABASE_URL, REDIS_URL or OPENAI_API_KEY in its env).
 * `env` adds variables, e.g. `GTR_PROVIDERS` naming a mock-llm.
 */
export async function startEmbeddedApi(
  adminApiKey: string,
  env: Record<string, string> = {},
): Promise<EmbeddedApi> {
  if (!existsSync(join(WORKSPACE_ROOT, API_MAIN))) {
    throw new Error(`${API_MAIN} is missing: build it first (npx nx run api:build).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gtr-web-e2e-data-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await startService({
    name: 'api',
    args: [API_MAIN],
    env: {
      NODE_ENV: 'production',
      HOME: dataDir,
      GTR_DATA_DIR: dataDir,
      PORT: String(port),
      GTR_ADMIN_API_KEY: adminApiKey,
      LOG_LEVEL: 'warn',
      ...env,
    },
    readyUrl: `${url}/health/ready`,
    timeoutMs: 90_000,
  });
  return {
    ...service,
    url,
    // The data folder goes with the process: each suite starts from an empty database.
    stop: async () => {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
