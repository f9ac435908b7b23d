import { GtrError } from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows, type Row } from '../sql/query-rows';
import {
  API_KEY_DISPLAY_LENGTH,
  generateApiKey,
  hashApiKey,
  MAX_API_KEY_LENGTH,
  MIN_API_KEY_LENGTH,
} from './api-key-secret';
import { type ApiKeyPrincipal, type ApiKeyView, type CreatedApiKey } from './api-key-view';

/** `last_used_at` is written at most this often per key, so each request does not write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const VIEW_COLUMNS = 'id, tenant_id, name, prefix, scopes, created_at, last_used_at, revoked_at';

/**
 * API keys. Keys are stored as SHA-256 hashes; the plaintext exists only in the return value
 * of `createKey` and in the caller's hands. Neither the key nor its hash leaves this class.
 */
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new random key (not stored). */
  generateApiKey(): string {
    return generateApiKey();
  }

  /** Creates a key for the tenant and returns its plaintext, which cannot be shown again. */
  async createKey(tenantId: string, name: string, scopes: readonly string[]): Promise<CreatedApiKey> {
    const key = generateApiKey();
    const { rows } = await queryRows(
      this.dataSource.manager,
      `INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes) VALUES ($1, $2, $3, $4, $5::text[])
       RETURNING ${VIEW_COLUMNS}`,
      [tenantId, name, key.slice(0, API_KEY_DISPLAY_LENGTH), hashApiKey(key), [...scopes]],
    );
    return { key, view: this.view(rows[0]) };
  }

  /**
   * Makes sure a key given from outside (such as `GTR_ADMIN_API_KEY`) exists for the tenant,
   * with this name and these scopes. Idempotent; a revoked key stays revoked.
   * @throws GtrError `E_VALIDATION` for a key shorter than 16 or longer than 200 characters.
   * @throws GtrError `E_CONFLICT` when the key belongs to another tenant.
   */
  async ensureKey(
    tenantId: string,
    plaintext: string,
    name: string,
    scopes: readonly string[],
  ): Promise<ApiKeyView> {
    if (plaintext.length < MIN_API_KEY_LENGTH || plaintext.length > MAX_API_KEY_LENGTH) {
      throw new GtrError(
        'E_VALIDATION',
        `An API key must be ${MIN_API_KEY_LENGTH} to ${MAX_API_KEY_LENGTH} characters long.`,
        [{ field: 'key', message: `must be ${MIN_API_KEY_LENGTH} to ${MAX_API_KEY_LENGTH} characters long` }],
      );
    }
    const { rows } = await queryRows(
      this.dataSource.manager,
      `INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes) VALUES ($1, $2, $3, $4, $5::text[])
       ON CONFLICT (key_hash) DO UPDATE SET name = EXCLUDED.name, scopes = EXCLUDED.scopes
         WHERE api_keys.tenant_id = EXCLUDED.tenant_id
       RETURNING ${VIEW_COLUMNS}`,
      [tenantId, name, plaintext.slice(0, API_KEY_DISPLAY_LENGTH), hashApiKey(plaintext), [...scopes]],
    );
    if (!rows[0]) throw new GtrError('E_CONFLICT', 'The API key already belongs to another tenant.');
    return this.view(rows[0]);
  }

  /**
   * The tenant and scopes of a valid, unrevoked key, or null. Records the use, at most once a
   * minute per key.
   */
  async authenticate(plaintext: string): Promise<ApiKeyPrincipal | null> {
    if (plaintext.length < MIN_API_KEY_LENGTH || plaintext.length > MAX_API_KEY_LENGTH) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT id, tenant_id, scopes,
         (last_used_at IS NULL OR last_used_at < now() - $2::double precision * interval '1 millisecond') AS stale_use
       FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashApiKey(plaintext), LAST_USED_RESOLUTION_MS],
    );
    const row = rows[0];
    if (!row) return null;
    const keyId = row['id'] as string;
    if (row['stale_use'] === true) {
      await queryRows(this.dataSource.manager, 'UPDATE api_keys SET last_used_at = now() WHERE id = $1', [
        keyId,
      ]);
    }
    return { tenantId: row['tenant_id'] as string, keyId, scopes: row['scopes'] as string[] };
  }

  /** The tenant's keys, newest first. */
  async list(tenantId: string): Promise<ApiKeyView[]> {
    if (!isUuid(tenantId)) return [];
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT ${VIEW_COLUMNS} FROM api_keys WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC`,
      [tenantId],
    );
    return rows.map((row) => this.view(row));
  }

  /** Revokes the key. Returns false when the tenant has no such unrevoked key. */
  async revoke(tenantId: string, keyId: string): Promise<boolean> {
    if (!isUuid(tenantId) || !isUuid(keyId)) return false;
    const { affected } = await queryRows(
      this.dataSource.manager,
      'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND tenant_id = $2 AND revoked_at IS NULL',
      [keyId, tenantId],
    );
    return affected > 0;
  }

  private view(row: Row): ApiKeyView {
    const key = hydrateEntity(this.dataSource, ApiKeyEntity, row);
    return {
      id: key.id,
      tenantId: key.tenantId,
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
    };
  }
}
