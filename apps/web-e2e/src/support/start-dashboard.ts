import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildService, startService } from './child-service';
import { freePort } from './free-port';

export interface Dashboard extends ChildService {
  url: string;
}

/** `next start` of the built dashboard (apps/web/.next), talking to the API at `apiUrl`. */
export async function startDashboard(apiUrl: string): Promise<Dashboard> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'gtr-web-home-'));
  const service = await startService({
    name: 'dashboard',
    args: ['node_modules/next/dist/bin/next', 'start', 'apps/web', '-p', String(port), '-H', '127.0.0.1'],
    env: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOME: home,
      GTR_API_URL: apiUrl,
    },
    readyUrl: `${url}/login`,
  });
  return {
    ...service,
    url,
    stop: async () => {
      await service.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
