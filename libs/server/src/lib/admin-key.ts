import {
  type SavedCredentials,
  apiUrlOf,
  credentialsPath,
  readCredentials,
  saveCredentials,
} from '@gtr/config';
import { type Runtime } from './runtime';

/** Name of the tenant the admin key belongs to. */
export const DEFAULT_TENANT = 'default';
const ADMIN_SCOPES = ['admin'];

/** What {@link ensureAdminKey} did. */
export interface AdminKeyOutcome {
  tenantId: string;
  /** Set only when a key was created now and must be shown once. */
  createdKey: string | null;
  /** Where the credentials for the CLI are saved (embedded mode), else null. */
  credentialsFile: string | null;
}

/**
 * Makes sure the default tenant has an admin key. `GTR_ADMIN_API_KEY` is ensured as that key
 * (deployments, test harnesses). Otherwise, in embedded mode, a key is created on first start
 * and saved (0600) where the CLI finds it; later starts reuse it. A saved file whose key this
 * database does not know (another database, a revoked key) or that cannot be read is replaced
 * with a new key.
 */
export async function ensureAdminKey(
  runtime: Pick<Runtime, 'config' | 'repositories' | 'embedded'>,
): Promise<AdminKeyOutcome> {
  const { config, repositories } = runtime;
  const tenant = await repositories.tenants.ensureTenant(DEFAULT_TENANT);
  const apiUrl = apiUrlOf(config);
  if (config.GTR_ADMIN_API_KEY) {
    await repositories.apiKeys.ensureKey(
      tenant.id,
      config.GTR_ADMIN_API_KEY,
      'admin (GTR_ADMIN_API_KEY)',
      ADMIN_SCOPES,
    );
    const file = runtime.embedded.database
      ? saveCredentials(config.GTR_DATA_DIR, { apiUrl, apiKey: config.GTR_ADMIN_API_KEY })
      : null;
    return { tenantId: tenant.id, createdKey: null, credentialsFile: file };
  }
  if (!runtime.embedded.database) return { tenantId: tenant.id, createdKey: null, credentialsFile: null };

  const saved = savedCredentialsIn(config.GTR_DATA_DIR);
  if (saved && (await repositories.apiKeys.authenticate(saved.apiKey))) {
    if (saved.apiUrl !== apiUrl) saveCredentials(config.GTR_DATA_DIR, { apiUrl, apiKey: saved.apiKey });
    return { tenantId: tenant.id, createdKey: null, credentialsFile: credentialsPath(config.GTR_DATA_DIR) };
  }
  const { key } = await repositories.apiKeys.createKey(tenant.id, 'admin (embedded)', ADMIN_SCOPES);
  const file = saveCredentials(config.GTR_DATA_DIR, { apiUrl, apiKey: key });
  return { tenantId: tenant.id, createdKey: key, credentialsFile: file };
}

/** The saved credentials, or null when there are none or the file is not valid JSON. */
function savedCredentialsIn(dataDir: string): SavedCredentials | null {
  try {
    return readCredentials(dataDir);
  } catch {
    return null;
  }
}
